/** The kind of element a reference names, for messages: `persona`, `channel`, `team`, `barrier` or `step`. */
export function referenceKindName(containerType: string, property: string): string {
    switch (property) {
        case 'personas':
        case 'persona': return 'persona';
        case 'channel': return 'channel';
        case 'owner': return 'team';
        case 'fixes': return 'barrier';
        case 'step': return 'step';
        default: return `${containerType} ${property}`;
    }
}

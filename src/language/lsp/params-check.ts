/**
 * The shape of the parameters of the requests this server answers, checked before a handler
 * reads them: a request whose parameters miss a field the protocol requires gets InvalidParams
 * (-32602) naming what is wrong, rather than an InternalError from deep inside a handler. Only
 * what the handlers rely on is checked; optional fields and extra fields pass.
 */

type Check = (params: Record<string, unknown>) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
const isIndex = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function documentIn(params: Record<string, unknown>): string | undefined {
    const document = params.textDocument;
    return isObject(document) && typeof document.uri === 'string' ? undefined : 'textDocument.uri (a string)';
}

function positionIn(value: unknown, name: string): string | undefined {
    return isObject(value) && isIndex(value.line) && isIndex(value.character)
        ? undefined : `${name} {line, character} (non-negative integers)`;
}

function rangeIn(value: unknown, name: string): string | undefined {
    return isObject(value) && !positionIn(value.start, 'start') && !positionIn(value.end, 'end')
        ? undefined : `${name} {start, end} (positions)`;
}

const all = (...checks: Check[]): Check => params => {
    const missing = checks.map(check => check(params)).filter(problem => problem !== undefined);
    return missing.length > 0 ? missing.join(', ') : undefined;
};

const atPosition = all(documentIn, p => positionIn(p.position, 'position'));

const CHECKS: Record<string, Check> = {
    'textDocument/hover': atPosition,
    'textDocument/definition': atPosition,
    'textDocument/references': all(atPosition, p => (isObject(p.context) ? undefined : 'context {includeDeclaration}')),
    'textDocument/documentHighlight': atPosition,
    'textDocument/completion': atPosition,
    'textDocument/prepareRename': atPosition,
    'textDocument/rename': all(atPosition, p => (typeof p.newName === 'string' ? undefined : 'newName (a string)')),
    'textDocument/documentSymbol': documentIn,
    'textDocument/foldingRange': documentIn,
    'textDocument/formatting': documentIn,
    'textDocument/semanticTokens/full': documentIn,
    'textDocument/semanticTokens/full/delta': documentIn,
    'textDocument/semanticTokens/range': all(documentIn, p => rangeIn(p.range, 'range')),
    'textDocument/rangeFormatting': all(documentIn, p => rangeIn(p.range, 'range')),
    'textDocument/codeAction': all(documentIn, p => rangeIn(p.range, 'range'),
        p => (isObject(p.context) && Array.isArray(p.context.diagnostics) ? undefined : 'context {diagnostics} (an array)')),
    'workspace/symbol': p => (typeof p.query === 'string' ? undefined : 'query (a string)'),
    'workspace/executeCommand': p => (typeof p.command === 'string' ? undefined : 'command (a string)'),
};

/** What is wrong with the parameters of a request for `method`, or undefined when they will do. */
export function paramsProblem(method: string, params: unknown): string | undefined {
    const check = CHECKS[method];
    if (!check) return undefined;
    const missing = isObject(params) ? check(params) : 'parameters as an object';
    return missing && `Invalid params: '${method}' needs ${missing}.`;
}

/**
 * The stylesheet embedded in every picture. Colours are CSS custom properties that read the
 * editor's `--vscode-*` variables with a fallback, so the picture follows a light, dark or
 * high-contrast theme in VS Code and still looks right opened alone (light, or dark when the
 * viewer prefers it). The 'fixed' palette has plain colours for rasterisers without CSS variables.
 */

/** name -> [VS Code variable(s), light fallback, dark fallback] */
const PALETTE: Array<[string, string[], string, string]> = [
    ['bg', ['--vscode-editor-background'], '#ffffff', '#1e1e1e'],
    ['fg', ['--vscode-editor-foreground'], '#1f2328', '#d4d4d4'],
    ['muted', ['--vscode-descriptionForeground'], '#59636e', '#a8a8a8'],
    ['border', ['--vscode-contrastBorder', '--vscode-editorWidget-border'], '#d0d7de', '#454545'],
    ['card', ['--vscode-editorWidget-background'], '#f6f8fa', '#252526'],
    ['accent', ['--vscode-focusBorder'], '#0969da', '#3794ff'],
    ['high', ['--vscode-editorError-foreground'], '#cf222e', '#f14c4c'],
    ['medium', ['--vscode-editorWarning-foreground'], '#bc4c00', '#cca700'],
    ['low', ['--vscode-editorInfo-foreground'], '#0969da', '#3794ff'],
    ['opp', ['--vscode-charts-green'], '#1a7f37', '#89d185'],
    ['p0', ['--vscode-charts-blue'], '#0969da', '#3794ff'],
    ['p1', ['--vscode-charts-orange'], '#d1600b', '#d18616'],
    ['p2', ['--vscode-charts-purple'], '#8250df', '#b180d7'],
    ['p3', ['--vscode-charts-green'], '#1a7f37', '#89d185'],
    ['p4', ['--vscode-charts-red'], '#cf222e', '#f14c4c'],
    ['p5', ['--vscode-charts-yellow'], '#9a6700', '#cca700'],
    ['added', ['--vscode-gitDecoration-addedResourceForeground'], '#1a7f37', '#81b88b'],
    ['changed', ['--vscode-gitDecoration-modifiedResourceForeground'], '#9a6700', '#e2c08d'],
    ['removed', ['--vscode-gitDecoration-deletedResourceForeground'], '#cf222e', '#c74e39'],
];

export const PERSONA_COLOURS = 6;

const FONT_VSCODE = "var(--vscode-font-family, system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', 'Noto Sans', sans-serif)";
const FONT_FIXED = "'DejaVu Sans', 'Noto Sans', 'Noto Sans CJK SC', 'Noto Color Emoji', sans-serif";

function variable(vars: string[], fallback: string): string {
    return vars.reduceRight((inner, v) => `var(${v}, ${inner})`, fallback);
}

/**
 * `corners`: the radii of card and step frames come from here (CSS geometry properties) rather
 * than from an attribute on each of thousands of frames; rasterisers that take no geometry from
 * CSS (resvg, for the 'fixed' palette) get attributes instead.
 */
function rules(c: (name: string) => string, font: string, corners: boolean): string {
    return [
        `.jm text{fill:${c('fg')};font-family:${font};font-size:12px}`,
        `.jm .jm-bg{fill:${c('bg')}}`,
        `.jm .jm-title{font-size:20px;font-weight:700}`,
        `.jm .jm-h2{font-size:13px;font-weight:700}`,
        `.jm .jm-strong{font-weight:600}`,
        `.jm .jm-muted{fill:${c('muted')}}`,
        `.jm .jm-small{font-size:10.5px}`,
        `.jm .jm-meta{font-size:10.5px;fill:${c('muted')}}`,
        `.jm .jm-italic{font-style:italic}`,
        `.jm .jm-card{fill:${c('card')};stroke:${c('border')};stroke-width:1${corners ? ';rx:4px' : ''}}`,
        `.jm .jm-band{fill:${c('fg')};fill-opacity:0.035}`,
        `.jm .jm-rule{stroke:${c('border')};stroke-width:1}`,
        `.jm .jm-stage{fill:${c('accent')};fill-opacity:0.14;stroke:${c('accent')};stroke-opacity:0.55}`,
        `.jm .jm-step{fill:${c('card')};stroke:${c('border')}${corners ? ';rx:4px' : ''}}`,
        `.jm .jm-step-head text{font-weight:600}`,
        `.jm .jm-badge{fill:${c('accent')};fill-opacity:0.16}`,
        `.jm .jm-state-future{fill:${c('opp')};fill-opacity:0.2}`,
        `.jm .jm-sev-high{fill:${c('high')}}`,
        `.jm .jm-sev-medium{fill:${c('medium')}}`,
        `.jm .jm-sev-low{fill:${c('low')}}`,
        `.jm .jm-sev-none{fill:${c('muted')}}`,
        `.jm .jm-opp{fill:${c('opp')}}`,
        `.jm .jm-bar{fill:none;stroke:${c('muted')};stroke-opacity:0.25;stroke-width:6;stroke-linecap:round}`,
        `.jm .jm-bar-ok{fill:none;stroke:${c('opp')};stroke-width:6;stroke-linecap:round}`,
        `.jm .jm-bar-below{fill:none;stroke:${c('medium')};stroke-width:6;stroke-linecap:round}`,
        `.jm .jm-target{fill:none;stroke:${c('fg')};stroke-width:1.5}`,
        `.jm .jm-baseline{stroke:${c('muted')};stroke-dasharray:4 3;stroke-width:1}`,
        `.jm .jm-scale{stroke:${c('border')};stroke-width:0.5}`,
        `.jm .jm-curve{fill:none;stroke-width:2.5;stroke-linejoin:round}`,
        // Personas after the sixth reuse the colours with a dash pattern.
        `.jm .jm-dash1{stroke-dasharray:7 4}.jm .jm-dash2{stroke-dasharray:2 3}`,
        `.jm .jm-point{stroke:${c('bg')};stroke-width:1.5}`,
        `.jm .jm-em{font-size:10.5px;text-anchor:middle}`,
        `.jm .jm-fix{fill:none;stroke:${c('opp')};stroke-width:1.5;stroke-dasharray:4 2}`,
        `.jm .jm-fix-head{fill:${c('opp')}}`,
        `.jm .jm-next{fill:none;stroke:${c('accent')};stroke-width:1.5}`,
        `.jm .jm-next-head{fill:${c('accent')}}`,
        `.jm .jm-visibility{stroke:${c('muted')};stroke-dasharray:8 4;stroke-width:1}`,
        ...Array.from({ length: PERSONA_COLOURS }, (_, i) =>
            `.jm .jm-p${i}{stroke:${c(`p${i}`)}}.jm .jm-pf${i}{fill:${c(`p${i}`)}}`),
        `.jm .jm-hl{fill:none;stroke-width:2.5}`,
        `.jm .jm-hl-added{stroke:${c('added')}}`,
        `.jm .jm-hl-changed{stroke:${c('changed')}}`,
        `.jm .jm-hl-removed{stroke:${c('removed')};stroke-dasharray:5 3}`,
    ].join('\n');
}

export function stylesheet(mode: 'vscode' | 'fixed'): string {
    if (mode === 'fixed') {
        const light = new Map(PALETTE.map(([name, , l]) => [name, l]));
        return rules(name => light.get(name)!, FONT_FIXED, false);
    }
    const props = (dark: boolean) => PALETTE.map(([name, vars, l, d]) => `--jm-${name}:${variable(vars, dark ? d : l)}`).join(';');
    return [
        `.jm{${props(false)}}`,
        `@media (prefers-color-scheme: dark){.jm{${props(true)}}}`,
        rules(name => `var(--jm-${name})`, FONT_VSCODE, true),
    ].join('\n');
}

/**
 * Generates a map of N steps for benchmarks: two personas, every lane used, stages of ten steps.
 * `variant` changes a few emotions and labels so that two maps can be diffed.
 */
export function generateMap(steps: number, variant = 0): string {
    const lines: string[] = [
        'persona ana "Ana, buyer" {',
        '  role "Buys for a small team"',
        '  goal "Get it done quickly"',
        '}',
        '',
        'persona ben "Ben, approver" {',
        '  role "Approves spending"',
        '}',
        '',
        'channel portal "Customer portal"',
        '',
        'team ops "Operations"',
        '',
        'journey bench "Benchmark journey" {',
        '  for ana, ben',
        '  state current',
        '  goal "Measure the tools"',
    ];
    const perStage = 10;
    for (let s = 0; s * perStage < steps; s++) {
        lines.push('', `  stage stage-${s} "Stage ${s}" {`);
        for (let i = s * perStage; i < Math.min(steps, (s + 1) * perStage); i++) {
            const score = ((i + variant * (i % 7 === 0 ? 1 : 0)) % 5) - 2;
            lines.push(
                `    step step-${i} "Step ${i}${variant && i % 11 === 0 ? ' (revised)' : ''}" {`,
                `      action "Does thing ${i}"`,
                `      touchpoint ${i % 2 ? 'web' : 'portal'} "Screen ${i}"`,
                `      thought "Is thing ${i} worth it?"`,
                `      emotion ${score} "feeling ${i}" for ana`,
                `      emotion ${-score} "mood ${i}" for ben`,
                `      barrier barrier-${i} "Barrier ${i}" severity ${['low', 'medium', 'high'][i % 3]}`,
                `      opportunity opp-${i} "Fix ${i}" fixes barrier-${i} impact high effort low owner ops`,
                `      question "Why ${i}?"`,
                `      frontstage "Staff greet ${i}" owner ops`,
                `      backstage "System logs ${i}" owner ops`,
                `      support "Database ${i}"`,
                `      metric CSAT ${(3 + (i % 20) / 10).toFixed(1)} target 4.5`,
                `      evidence "Interview ${i}"`,
                ...(i > 0 && i % 25 === 0 ? [`      next step-${i - 1}`] : []),
                '    }',
            );
        }
        lines.push('  }');
    }
    lines.push('}', '');
    return lines.join('\n');
}

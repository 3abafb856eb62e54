import type { Template } from './index.js';
import { journeyHeader } from './header.js';

/** Today's experience as customers live it: where it hurts, backed by research. */
export const currentState: Template = {
    id: 'current-state',
    label: 'Current-state journey map',
    description: "Today's experience as customers live it: actions, touchpoints, thoughts, emotions and pain points, backed by evidence.",
    text(name) {
        const { id, title } = journeyHeader(name);
        return `// A current-state map: how customers experience the service today.
// Replace the placeholder text with what your research found; cite it with evidence.

persona customer "Customer" {
  role "Who they are and what they do"
  goal "What they want to achieve"
  frustration "What gets in their way today"
}

team product "Product"

journey ${id} ${title} {
  for customer
  state current
  goal "Find where the experience breaks down today"

  stage aware "Awareness" {
    step notices "Notices the need" {
      action "What the customer does"
      touchpoint search "Where they look first"
      thought "What they think at this moment"
      emotion 0 "neutral"
      evidence "Interview notes, round 1"
    }
  }

  stage consider "Consideration" {
    step compares "Compares options" {
      action "Reads reviews and pricing"
      touchpoint web "Pricing page"
      emotion -1 "unsure"
      barrier unclear-pricing "Pricing is hard to compare" severity medium
      opportunity pricing-table "A plain pricing table" fixes unclear-pricing impact high effort low owner product
      question "Which plan do most customers pick?"
    }
  }

  stage buy "Purchase" {
    step signs-up "Signs up" {
      action "Creates an account and pays"
      touchpoint web "Sign-up form"
      emotion 1 "relieved"
      metric conversion 0.12 target 0.2
    }
  }

  stage use "Use" {
    step first-use "Uses it for the first time" {
      touchpoint app "First run"
      thought "Was this worth it?"
      emotion 1 "pleased"
    }
  }
}
`;
    },
};

import type { Template } from './index.js';
import { journeyHeader } from './header.js';

/** The experience you intend to build: the target emotions and the changes that get there. */
export const futureState: Template = {
    id: 'future-state',
    label: 'Future-state journey map',
    description: 'The experience you intend to build: target emotions, the opportunities that get there, their owners and the metrics that will show it worked.',
    text(name) {
        const { id, title } = journeyHeader(name);
        return `// A future-state map: the experience we intend to build.
// Each step says how it should feel, what changes to get there, who owns it and how we will know.

persona customer "Customer" {
  role "Who they are and what they do"
  goal "What they want to achieve"
  need "What the new experience must give them"
}

team product "Product"
team support "Customer support"

journey ${id} ${title} {
  for customer
  state future
  goal "Describe the experience we are building and how we will measure it"
  description "Pair this map with the current-state map it improves on"

  stage discover "Discover" {
    step finds "Finds the answer in one search" {
      touchpoint search "Help article ranks first"
      thought "That was easy"
      emotion 1 "confident"
      opportunity help-seo "Write help articles for the top ten searches" impact high effort medium owner support
      metric CES 5 target 6
    }
  }

  stage start "Start" {
    step self-serve "Sets up without help" {
      action "Follows a guided setup"
      touchpoint app "Guided setup"
      emotion 2 "delighted"
      opportunity guided-setup "Guided setup with live progress" impact high effort high owner product
      metric conversion 0.3 target 0.5
    }
  }

  stage grow "Grow" {
    step recommends "Recommends it to a colleague" {
      touchpoint review "Public review"
      emotion 2 "proud"
      metric NPS 30 target 50
    }
  }
}
`;
    },
};

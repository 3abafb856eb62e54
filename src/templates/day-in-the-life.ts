import type { Template } from './index.js';
import { journeyHeader } from './header.js';

/** A persona's whole day, product or not: where the service fits into their life. */
export const dayInTheLife: Template = {
    id: 'day-in-the-life',
    label: 'Day-in-the-life map',
    description: "A persona's whole day, with or without your product: routines, moods and the moments where the service could fit in.",
    text(name) {
        const { id, title } = journeyHeader(name);
        return `// A day-in-the-life map: one persona's whole day, not only the time spent with us.
// Stages are parts of the day; look for the moments where the service could help.

persona person "Person" {
  role "Who they are and what they do all day"
  goal "What a good day looks like for them"
  motivation "What keeps them going"
}

journey ${id} ${title} {
  for person
  goal "See where our service fits into a real day"

  stage morning "Morning" {
    step commute "Commutes to work" {
      action "Checks messages on the train"
      touchpoint app "Phone notifications"
      thought "What is waiting for me today?"
      emotion 0 "alert"
    }
    step plans "Plans the day" {
      action "Sorts the day's tasks"
      touchpoint email "Inbox"
      emotion -1 "rushed"
      barrier too-many-tools "Tasks are spread over too many tools" severity medium
    }
  }

  stage midday "Midday" {
    step lunch "Takes a break" {
      action "Eats at the desk"
      touchpoint chat "Team chat"
      emotion -1 "drained"
      question "How often is the break skipped?"
    }
  }

  stage evening "Evening" {
    step wraps-up "Wraps up" {
      action "Writes tomorrow's list"
      touchpoint app "To-do app"
      emotion 1 "relieved"
      opportunity daily-digest "One daily digest of open tasks" fixes too-many-tools impact medium effort medium
    }
  }
}
`;
    },
};

import type { Template } from './index.js';
import { journeyHeader } from './header.js';

/** The customer's steps above the line of visibility, and what staff and systems do to deliver them. */
export const serviceBlueprint: Template = {
    id: 'service-blueprint',
    label: 'Service blueprint',
    description: 'The customer journey above the line, and below it what staff do in front of the customer (frontstage), behind the scenes (backstage) and the systems that support it.',
    text(name) {
        const { id, title } = journeyHeader(name);
        return `// A service blueprint: the customer's journey on top, and below the line of visibility
// what staff do in front of the customer (frontstage), behind the scenes (backstage)
// and the systems and processes that support them (support).

persona customer "Customer" {
  role "Who is being served"
}

team front-desk "Front desk"
team operations "Operations"
team it "IT"

journey ${id} ${title} {
  for customer
  goal "Show who and what delivers each step of the service"

  stage request "Request" {
    step books "Books an appointment" {
      action "Picks a time online"
      touchpoint web "Booking page"
      emotion 0 "neutral"
      backstage "Schedule is checked for conflicts" owner operations
      support "Booking system" owner it
    }
  }

  stage visit "Visit" {
    step arrives "Arrives and checks in" {
      action "Gives their name at the desk"
      touchpoint store "Reception desk"
      emotion -1 "waiting"
      frontstage "Receptionist greets and checks the booking" owner front-desk
      backstage "Visit is logged" owner operations
      support "Check-in tablet" owner it
      barrier queue "Queue at the desk at peak times" severity high
      opportunity self-check-in "Self check-in on arrival" fixes queue impact high effort medium owner it
      metric wait-minutes 12 target 5
    }
  }

  stage follow-up "Follow-up" {
    step feedback "Gives feedback" {
      touchpoint survey "Post-visit survey"
      emotion 1 "satisfied"
      backstage "Feedback is reviewed weekly" owner operations
      support "Survey tool" owner it
      metric CSAT 4.1 target 4.5
    }
  }
}
`;
    },
};

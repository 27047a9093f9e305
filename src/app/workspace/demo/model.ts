import type { InteractionKind } from '../../../domain/interaction.js';
import type { Category, Tier } from '../../../domain/person.js';

// What a demo organisation is made of, over person keys (indices into `people`).

export interface DemoPerson {
  key: number;
  name: string;
  title: string;
  team: string | null;
  department: string | null;
  level: number | null;
  managerKey: number | null;
  email: string | null;
  company: string;
  category: Category;
  tier: Tier;
  cadenceDays: number | null;
  interests: string[];
  communication: string | null;
}

export interface DemoAssessment {
  initiative: number;
  personKey: number;
  influence: number;
  stance: number;
  interconnectedness: number;
  note: string | null;
  assessedAt: string;
}

export interface DemoInteraction {
  occurredAt: string;
  kind: InteractionKind;
  note: string;
  initiative: number | null;
  personKeys: number[];
}

export interface DemoOrganisation {
  company: string;
  people: DemoPerson[];
  meKey: number;
  initiatives: { name: string; description: string }[];
  assessments: DemoAssessment[];
  interactions: DemoInteraction[];
}

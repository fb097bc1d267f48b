// The REST shapes the console reads, generated from the host's OpenAPI document
// (client/openapi/v1.json; npm run gen:rest). Hub payloads live in shared/contracts.ts.

import type { components } from "../generated/rest.js";

export type Me = components["schemas"]["AgentView"];

export type LoginResponse = components["schemas"]["LoginResponse"];

export type AgentPresence = components["schemas"]["AgentPresenceView"];

export type PresenceStatus = AgentPresence["status"];

export type LiveCall = components["schemas"]["LiveCallView"];

/** A call the host ended because the phone network sent no news of it for Calls:StaleAfter. */
export type SilentEnd = components["schemas"]["SilentEndView"];

export type ClaimResponse = components["schemas"]["ClaimResponse"];

export type Participant = components["schemas"]["ParticipantView"];

export type AgentSession = components["schemas"]["AgentSessionView"];

export type CannedReply = components["schemas"]["CannedReply"];

export type Video = components["schemas"]["ShopVideo"];

export type Visitor = components["schemas"]["VisitorView"];

/** What inviting a visitor answers: the session they are invited into. */
export type VisitorInvitation = components["schemas"]["InviteResponse"];

// The JSON shapes of kring's public API (/api/v1), as the browser sees them.
// Profile fields are optional: the server leaves out what the viewer may not see.

export type Visibility = 'public' | 'members' | 'connections';
export type ConnectionState = 'none' | 'requested' | 'incoming_request' | 'connected';

export interface Relationship {
  following: boolean;
  followed_by: boolean;
  connection: ConnectionState;
}

export interface Member {
  id: string;
  handle: string;
  created_at: string;
  display_name?: string;
  bio?: string;
  skills?: string[];
  interests?: string[];
  home_place?: string;
  avatar_url?: string;
  role?: 'member' | 'admin' | string;
  suspended?: boolean;
  email?: string;
  visibility?: Record<string, Visibility>;
  relationship?: Relationship;
  counts?: { followers: number; following: number; connections: number };
  // second-degree entries
  via?: Member[];
  mutual_connections?: number;
  // space member lists and join requests
  space_role?: 'owner' | 'moderator' | 'member';
  type?: string;
}

export interface Me extends Member {
  email: string;
  role: string;
  visibility: Record<string, Visibility>;
  csrf_token?: string;
}

export type SpaceKind = 'team' | 'community' | 'neighbourhood' | 'place';
export type SpaceVisibility = 'open' | 'closed' | 'secret';
export type SpaceRole = 'owner' | 'moderator' | 'member';

export interface Space {
  id: string;
  slug: string;
  name: string;
  description: string;
  kind: SpaceKind;
  visibility: SpaceVisibility;
  archived: boolean;
  member_count: number;
  my_role: SpaceRole | null;
  my_status: 'requested' | 'invited' | null;
  created_at: string;
  type?: string;
}

export type SpaceMember = Member;

export type ItemKind = 'note' | 'article' | 'question';
export type ItemVisibility = 'public' | 'members' | 'space' | 'connections';
export const REACTION_KINDS = ['like', 'love', 'celebrate', 'insightful', 'support'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

export interface Item {
  id: string;
  kind: ItemKind | string;
  title?: string | null;
  body: string;
  html: string;
  author: Member;
  space: { slug: string; name: string } | null;
  visibility: ItemVisibility;
  tags: string[];
  mentions: string[];
  reactions: Partial<Record<ReactionKind, number>>;
  my_reactions: string[];
  reply_count: number;
  created_at: string;
  edited_at: string | null;
  status?: string | null;
  hidden?: boolean;
  type?: string;
}

export interface Reply {
  id: string;
  item_id: string;
  parent_id: string | null;
  depth: number;
  author: Member | null; // null once removed
  body: string;
  html: string;
  removed?: boolean; // deleted by its author or hidden by a moderator
  created_at: string;
  edited_at?: string | null;
  reactions: Partial<Record<ReactionKind, number>>;
  my_reactions: string[];
}

export type NotificationKind =
  | 'reply'
  | 'mention'
  | 'reaction'
  | 'follow'
  | 'connection_request'
  | 'connection_accepted'
  | 'join_request'
  | 'invitation';

export interface Notification {
  id: string;
  kind: NotificationKind | string;
  actor: Member;
  item_id?: string | null;
  reply_id?: string | null;
  space?: { slug: string; name: string } | null;
  created_at: string;
  read: boolean;
}

export interface Report {
  id: string;
  target_type: 'item' | 'reply' | 'member' | string;
  target_id: string;
  reason: string;
  reporter?: Member | null;
  created_at?: string;
  item?: Item;
  reply?: Reply;
  member?: Member;
  status?: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
  unread_count?: number;
}

// ---- network analytics (/network/*, /me/suggestions) ----

// Figures of one computed network; null where a figure is undefined (an
// empty network has no clustering) or was not computed.
export interface GraphFigures {
  nodes: number;
  edges: number;
  directed: boolean;
  density: number | null;
  reciprocity: number | null;
  components: number | null;
  strong_components: number | null;
  largest_component: number | null;
  transitivity: number | null;
  average_clustering: number | null;
  modularity: number | null;
  communities: number | null;
  average_path_length: number | null;
  diameter: number | null;
  assortativity: number | null;
  metcalfe_potential: number | null;
  metcalfe_ratio: number | null;
  betweenness_sampled: boolean;
  betweenness_error_bound: number | null;
  distances_sampled: boolean;
  seconds: number | null;
}

export interface NetworkEnvelope {
  scope: string;
  version: string; // opaque: changes only when this scope's network does
  computed_at: string;
  stale: boolean;
}

export interface HistoryPoint {
  computed_at: string;
  nodes: number;
  edges: number;
  density: number | null;
  components: number;
  average_clustering: number | null;
  modularity: number | null;
  communities: number;
  average_path_length: number | null;
  isolates: number;
}

export type NetworkRole = 'hub' | 'broker' | 'peripheral' | 'isolate' | 'member';

export interface NetworkMetrics extends NetworkEnvelope {
  graph: GraphFigures;
  degree_distribution: { degree: number; count: number }[];
  community_sizes: number[];
  roles: Partial<Record<NetworkRole | string, number>>;
  history: HistoryPoint[];
}

// Per-member metrics; null when not computed for this network.
export interface NodeMetrics {
  degree: number | null;
  strength: number | null;
  betweenness: number | null;
  closeness: number | null;
  harmonic: number | null;
  eigenvector: number | null;
  pagerank: number | null;
  clustering: number | null;
  core: number | null;
  constraint: number | null;
  effective_size: number | null;
  community: number | null;
  role: NetworkRole | string | null;
}

export interface GraphNode extends NodeMetrics {
  id: string; // the member's handle
}

export interface NetworkGraph extends NetworkEnvelope {
  total_nodes: number;
  nodes: GraphNode[];
  edges: [number, number, number][]; // [source index, target index, weight]
}

export interface MemberNetwork extends NetworkEnvelope {
  handle: string;
  metrics: NodeMetrics;
  ego: { nodes: { id: string; community: number | null }[]; edges: [string, string, number][] };
}

export interface Community {
  id: number;
  size: number;
  top_members: string[];
}

export interface NetworkCommunities extends NetworkEnvelope {
  modularity: number | null;
  items: Community[];
}

export interface ConnectSuggestion extends Member {
  score: number;
  reason: { mutual_connections: string[]; shared_skills: string[]; shared_spaces: string[] };
}

export interface BridgeSuggestion {
  space: string;
  space_name: string;
  member: Member;
  bridge: Member;
  position: 'isolate' | 'peripheral' | string;
  reach_before: number;
  reach_after: number;
  shared_skills: string[];
}

export interface Suggestions {
  connect: ConnectSuggestion[];
  bridges: BridgeSuggestion[];
}

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

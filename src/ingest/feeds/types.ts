/** One story announced by a news feed (RSS 2.0, RSS 1.0/RDF, Atom or JSON Feed). */
export interface NewsFeedItem {
  guid?: string;
  title: string;
  /** Absolute URL of the story page. */
  link?: string;
  /** Plain text, paragraphs separated by a blank line. */
  description: string;
  /** ISO 8601. */
  publishedAt?: string;
  feedTitle?: string;
  feedUrl: string;
}

/** What a scheduler remembers about stories it has already used. */
export interface UsedStories {
  guids: Set<string>;
  /** Normalised with normaliseLink. */
  links: Set<string>;
  /** Normalised with normaliseTitle. */
  titles: Set<string>;
}

/** The identifiers of a selected story, already normalised, to add to UsedStories. */
export interface StoryKey {
  guid?: string;
  link?: string;
  title: string;
}

export interface SelectedStory {
  item: NewsFeedItem;
  key: StoryKey;
}

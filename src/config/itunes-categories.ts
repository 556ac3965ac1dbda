/**
 * Apple Podcasts categories and their subcategories, as Apple lists them for
 * itunes:category. A feed naming anything else is filed under no category or
 * refused, so the show configuration accepts only these (exact spelling).
 */
export const ITUNES_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  Arts: ['Books', 'Design', 'Fashion & Beauty', 'Food', 'Performing Arts', 'Visual Arts'],
  Business: ['Careers', 'Entrepreneurship', 'Investing', 'Management', 'Marketing', 'Non-Profit'],
  Comedy: ['Comedy Interviews', 'Improv', 'Stand-Up'],
  Education: ['Courses', 'How To', 'Language Learning', 'Self-Improvement'],
  Fiction: ['Comedy Fiction', 'Drama', 'Science Fiction'],
  Government: [],
  History: [],
  'Health & Fitness': ['Alternative Health', 'Fitness', 'Medicine', 'Mental Health', 'Nutrition', 'Sexuality'],
  'Kids & Family': ['Education for Kids', 'Parenting', 'Pets & Animals', 'Stories for Kids'],
  Leisure: ['Animation & Manga', 'Automotive', 'Aviation', 'Crafts', 'Games', 'Hobbies', 'Home & Garden', 'Video Games'],
  Music: ['Music Commentary', 'Music History', 'Music Interviews'],
  News: ['Business News', 'Daily News', 'Entertainment News', 'News Commentary', 'Politics', 'Sports News', 'Tech News'],
  'Religion & Spirituality': ['Buddhism', 'Christianity', 'Hinduism', 'Islam', 'Judaism', 'Religion', 'Spirituality'],
  Science: ['Astronomy', 'Chemistry', 'Earth Sciences', 'Life Sciences', 'Mathematics', 'Natural Sciences', 'Nature', 'Physics', 'Social Sciences'],
  'Society & Culture': ['Documentary', 'Personal Journals', 'Philosophy', 'Places & Travel', 'Relationships'],
  Sports: ['Baseball', 'Basketball', 'Cricket', 'Fantasy Sports', 'Football', 'Golf', 'Hockey', 'Rugby', 'Running', 'Soccer', 'Swimming', 'Tennis', 'Volleyball', 'Wilderness', 'Wrestling'],
  Technology: [],
  'True Crime': [],
  'TV & Film': ['After Shows', 'Film History', 'Film Interviews', 'Film Reviews', 'TV Reviews'],
};

export function isItunesCategory(category: string): boolean {
  return Object.hasOwn(ITUNES_CATEGORIES, category);
}

/** Why a category/subcategory pair is not Apple's, or undefined when it is. */
export function itunesCategoryProblem(category: unknown, subcategory: unknown): { path: 'category' | 'subcategory'; message: string } | undefined {
  if (typeof category !== 'string') return undefined;
  if (!isItunesCategory(category)) {
    const close = Object.keys(ITUNES_CATEGORIES).find((name) => name.toLowerCase() === category.toLowerCase());
    return { path: 'category', message: `"${category}" is not an Apple Podcasts category${close ? `; did you mean "${close}"?` : ' (see docs/configuration.md for the list)'}` };
  }
  if (typeof subcategory !== 'string') return undefined;
  const allowed = ITUNES_CATEGORIES[category]!;
  if (allowed.includes(subcategory)) return undefined;
  return {
    path: 'subcategory',
    message: allowed.length
      ? `"${subcategory}" is not a subcategory of "${category}"; Apple lists ${allowed.map((name) => `"${name}"`).join(', ')}`
      : `"${category}" has no subcategories in Apple Podcasts; remove "subcategory"`,
  };
}

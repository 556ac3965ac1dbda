import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHarness, type ApiHarness } from './support/api-harness.js';

/** A producer sending a show gets every problem back at once, in words, with Apple's category list enforced. */
describe('show problems over the API', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await createApiHarness({ BRIEFCAST_SCHEDULES: 'false' });
  });
  afterAll(() => h?.dispose());

  it('refuses a category outside Apple list and reports every other problem in the same answer', async () => {
    const response = await h.server.inject({
      method: 'POST',
      url: '/api/shows',
      headers: h.auth(h.keys.admin),
      payload: { id: 'Bad Id', title: '', description: 'd', explicit: 'maybe', category: 'News', subcategory: 'Weather', feedMaxItems: 0, publishTime: '25:00' },
    });
    expect(response.statusCode).toBe(400);
    const { message } = response.json().error as { message: string };
    for (const field of ['id', 'title', 'author', 'explicit', 'subcategory', 'feedMaxItems', 'publishTime']) expect(message).toContain(`body.${field}:`);
    expect(message).toContain('"Weather" is not a subcategory of "News"');
  });

  it("accepts Apple's categories", async () => {
    const response = await h.server.inject({
      method: 'POST',
      url: '/api/shows',
      headers: h.auth(h.keys.admin),
      payload: { id: 'arts', title: 'Arts', description: 'd', author: 'a', category: 'Arts', subcategory: 'Performing Arts' },
    });
    expect(response.statusCode).toBe(201);
  });
});

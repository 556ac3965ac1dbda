import { setTimeout as sleep } from 'node:timers/promises';
import type { EpisodeRecord } from '../core/episode.js';
import { BriefcastError, ErrorCodes, isBriefcastError } from '../core/errors.js';
import type { Article, ScriptDocument } from '../core/types.js';
import type { ShowConfig } from '../config/show-config.js';
import { showConfigSchema } from '../config/show-config.js';
import { workKeys } from '../storage/keys.js';
import type { Storage } from '../storage/storage.js';

const TORN_READ_ATTEMPTS = 6;

/** Typed reads and writes of the JSON documents an episode is made of. */
export class EpisodeStore {
  constructor(private readonly storage: Storage) {}

  private async readJson<T>(key: string, notFound: () => BriefcastError): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let bytes: Uint8Array;
      try {
        bytes = await this.storage.get(key);
      } catch (error) {
        if (isBriefcastError(error, ErrorCodes.STORAGE_NOT_FOUND)) throw notFound();
        if (isBriefcastError(error, ErrorCodes.STORAGE_FAILED) && error.retryable && attempt < TORN_READ_ATTEMPTS) {
          await sleep(50 * attempt);
          continue;
        }
        throw error;
      }
      try {
        return JSON.parse(Buffer.from(bytes).toString('utf8')) as T;
      } catch (error) {
        // Some S3-compatible servers (s3rver among them) let a reader see an object while it is
        // being replaced; S3 and MinIO do not. A torn read is read again, then reported as retryable.
        if (attempt >= TORN_READ_ATTEMPTS) {
          throw new BriefcastError(ErrorCodes.STORAGE_FAILED, 'stored document is not valid JSON', { subject: key, retryable: true, cause: error });
        }
        await sleep(50 * attempt);
      }
    }
  }

  private writeJson(key: string, value: unknown): Promise<void> {
    return this.storage.put(key, `${JSON.stringify(value, null, 2)}\n`, { contentType: 'application/json' });
  }

  async saveShow(show: ShowConfig): Promise<void> {
    await this.writeJson(workKeys.show(show.id), show);
  }

  async getShow(showId: string): Promise<ShowConfig> {
    const raw = await this.readJson<unknown>(workKeys.show(showId), () =>
      new BriefcastError(ErrorCodes.SHOW_NOT_FOUND, 'no such show', { subject: showId }),
    );
    return showConfigSchema.parse(raw);
  }

  async saveEpisode(record: EpisodeRecord): Promise<void> {
    await this.writeJson(workKeys.episode(record.showId, record.id), record);
  }

  async findEpisode(showId: string, episodeId: string): Promise<EpisodeRecord | null> {
    if (!(await this.storage.head(workKeys.episode(showId, episodeId)))) return null;
    return this.getEpisode(showId, episodeId);
  }

  getEpisode(showId: string, episodeId: string): Promise<EpisodeRecord> {
    return this.readJson<EpisodeRecord>(workKeys.episode(showId, episodeId), () =>
      new BriefcastError(ErrorCodes.EPISODE_NOT_FOUND, 'no such episode', { subject: `${showId}/${episodeId}` }),
    );
  }

  /** Applies a change to the stored record and returns the new one. */
  async updateEpisode(showId: string, episodeId: string, change: (record: EpisodeRecord) => EpisodeRecord): Promise<EpisodeRecord> {
    const next = change(await this.getEpisode(showId, episodeId));
    await this.saveEpisode(next);
    return next;
  }

  async listEpisodes(showId: string): Promise<EpisodeRecord[]> {
    const keys = (await this.storage.list(workKeys.episodesPrefix(showId))).filter((key) => key.endsWith('/episode.json'));
    const gone = () => new BriefcastError(ErrorCodes.EPISODE_NOT_FOUND, 'episode record vanished while listing');
    const records = await Promise.all(
      // A record moved away (unpublished) between the listing and the read is simply not listed.
      keys.map((key) => this.readJson<EpisodeRecord>(key, gone).catch((error: unknown) => (isBriefcastError(error, ErrorCodes.EPISODE_NOT_FOUND) ? null : Promise.reject(error)))),
    );
    return records.filter((record): record is EpisodeRecord => record !== null);
  }

  async saveArticles(showId: string, episodeId: string, articles: Article[]): Promise<void> {
    await this.writeJson(workKeys.articles(showId, episodeId), articles);
  }

  getArticles(showId: string, episodeId: string): Promise<Article[]> {
    return this.readJson<Article[]>(workKeys.articles(showId, episodeId), () =>
      new BriefcastError(ErrorCodes.EPISODE_NOT_FOUND, 'episode has no articles', { subject: `${showId}/${episodeId}` }),
    );
  }

  async saveScript(showId: string, episodeId: string, script: ScriptDocument): Promise<void> {
    await this.writeJson(workKeys.script(showId, episodeId), script);
  }

  getScript(showId: string, episodeId: string): Promise<ScriptDocument> {
    return this.readJson<ScriptDocument>(workKeys.script(showId, episodeId), () =>
      new BriefcastError(ErrorCodes.EPISODE_NOT_FOUND, 'episode has no script', { subject: `${showId}/${episodeId}` }),
    );
  }
}

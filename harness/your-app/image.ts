// Your app's image: found on this machine or pulled before anything starts
// (a wrong name is one line, exit 2, with nothing left behind), and its
// identity recorded with the results, so a later run can be compared with it.
import Docker from 'dockerode';
import { LabError } from '../errors.js';
import { EXIT } from '../exit-codes.js';

/** What identifies the image a run used. */
export interface ImageIdentity {
  /** As the user named it (or the tag --app-build's image got). */
  ref: string;
  /** The image's own ID (sha256 of its configuration): the same whether pulled or built. */
  id: string | null;
  /** Registry digests (name@sha256:…), when the image came from a registry. */
  repoDigests: string[];
}

const notFound = (err: unknown) => (err as { statusCode?: number }).statusCode === 404;

/** The image's identity; null fields when Docker does not know it. */
export async function identify(ref: string, docker = new Docker()): Promise<ImageIdentity> {
  try {
    const info = await docker.getImage(ref).inspect();
    return { ref, id: info.Id, repoDigests: info.RepoDigests ?? [] };
  } catch {
    return { ref, id: null, repoDigests: [] };
  }
}

/** Pulls an image, bounded; rejects with Docker's reason. */
async function pull(docker: Docker, ref: string, timeoutMs: number): Promise<void> {
  const stream = await docker.pull(ref);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    docker.modem.followProgress(stream, (err: Error | null) => {
      clearTimeout(timer);
      if (err) reject(err);
      else resolve();
    });
  });
}

/** A pull of an app image may be large; ten minutes bounds a stalled registry. */
const PULL_TIMEOUT_MS = 600_000;

/** Each image is on this machine afterwards, or the run stops here with one line. */
export async function ensureImages(refs: readonly string[], progress: (line: string) => void, docker = new Docker()): Promise<void> {
  for (const ref of refs) {
    try {
      await docker.getImage(ref).inspect();
      continue;
    } catch (err) {
      if (!notFound(err)) throw new LabError(`Docker could not inspect the image '${ref}': ${(err as Error).message.split('\n')[0]}`);
    }
    progress(`image ${ref} is not on this machine: pulling it`);
    try {
      await pull(docker, ref, PULL_TIMEOUT_MS);
    } catch (err) {
      const reason = (err as Error).message.split('\n')[0].trim().replace(/^\(HTTP code \d+\) [a-z ]+ - /, '');
      throw new LabError(`No image '${ref}' on this machine, and Docker could not pull it: ${reason}.`, 'Check the name (docker images lists what is here), or build it first (or use --app-build <dir>).', EXIT.badInput);
    }
  }
}

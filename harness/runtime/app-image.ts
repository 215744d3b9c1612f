// Your app's image: found on this machine or pulled before anything starts
// (a wrong name is one line, exit 2, with nothing left behind), and its
// identity recorded with the results, so a later run can be compared with it.
import Docker from 'dockerode';
import { withDeadline } from '../model/deadline.js';
import { interrupted, LabError, firstLineOf } from '../model/errors.js';
import { EXIT } from '../model/exit-codes.js';

/** What identifies the image a run used. */
export interface ImageIdentity {
  /** As the user named it (or the tag --app-build's image got). */
  ref: string;
  /** The image's own ID (sha256 of its configuration): the same whether pulled or built. */
  id: string | null;
  /** Registry digests (name@sha256:…), when the image came from a registry. */
  repoDigests: string[];
}

/** One inspect, bounded: a daemon that hangs must not hang the run. */
const INSPECT_TIMEOUT_MS = 15_000;

const notFound = (err: unknown) => (err as { statusCode?: number }).statusCode === 404;

/** The image's identity; null fields when Docker does not know it. */
export async function identify(ref: string, docker = new Docker()): Promise<ImageIdentity> {
  try {
    const info = await withDeadline(
      docker.getImage(ref).inspect(),
      INSPECT_TIMEOUT_MS,
      'the Docker daemon (inspect an image)',
    );
    return { ref, id: info.Id, repoDigests: info.RepoDigests ?? [] };
  } catch {
    return { ref, id: null, repoDigests: [] };
  }
}

/** Pulls an image, bounded and interruptible; rejects with Docker's reason. */
async function pull(docker: Docker, ref: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const stream = await docker.pull(ref);
  await new Promise<void>((resolve, reject) => {
    const stop = (err: Error) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      reject(err);
    };
    const onAbort = () => stop(interrupted("pulling your app's image"));
    const timer = setTimeout(() => stop(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    docker.modem.followProgress(stream, (err: Error | null) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve();
    });
  });
}

/** A pull of an app image may be large; ten minutes bounds a stalled registry. */
const PULL_TIMEOUT_MS = 600_000;

/** Each image is on this machine afterwards, or the run stops here with one line. */
export async function ensureImages(
  refs: readonly string[],
  progress: (line: string) => void,
  signal?: AbortSignal,
  docker = new Docker(),
): Promise<void> {
  for (const ref of refs) {
    try {
      await withDeadline(docker.getImage(ref).inspect(), INSPECT_TIMEOUT_MS, 'the Docker daemon (inspect an image)');
      continue;
    } catch (err) {
      // 400: Docker cannot read the name itself (upper case, a stray character).
      if ((err as { statusCode?: number }).statusCode === 400) {
        throw new LabError(
          `'${ref}' is not an image reference Docker accepts: ${firstLineOf(err).replace(/^\(HTTP code \d+\) [a-z ]+ - /, '')}`,
          'Image names are lower case: name[:tag] or name@sha256:…',
          EXIT.badInput,
        );
      }
      if (!notFound(err)) throw new LabError(`Docker could not inspect the image '${ref}': ${firstLineOf(err)}`);
    }
    progress(`image ${ref} is not on this machine: pulling it`);
    try {
      await pull(docker, ref, PULL_TIMEOUT_MS, signal);
    } catch (err) {
      if (signal?.aborted) throw err;
      const reason = firstLineOf(err)
        .trim()
        .replace(/^\(HTTP code \d+\) [a-z ]+ - /, '');
      throw new LabError(
        `No image '${ref}' on this machine, and Docker could not pull it: ${reason}.`,
        'Check the name (docker images lists what is here), or build it first (or use --app-build <dir>).',
        EXIT.badInput,
      );
    }
  }
}

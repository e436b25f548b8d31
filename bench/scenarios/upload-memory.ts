import type { BenchContext } from '../support/bench-context.js';
import { startBenchGateway, staffTokens } from '../support/bench-context.js';
import { startWorker } from '../support/load-workers.js';
import type { UploadResult } from '../support/load-worker.js';
import { round } from '../support/percentiles.js';
import { seedOrganization } from '../support/seed.js';

export interface UploadMemoryResult {
  uploads: number;
  bytesEach: number;
  succeeded: number;
  slowestMs: number;
  rssBaselineMiB: number;
  peakRssGrowthMiB: number;
  /** Peak RSS growth ÷ bytes in flight: ≪ 1 when files stream to disk instead of piling up in memory. */
  growthPerUploadedByte: number;
}

/** Ten clients upload a 10 MiB PDF each at the same moment; the gateway's RSS is sampled every 20 ms. */
export async function benchUploadMemory(context: BenchContext): Promise<UploadMemoryResult> {
  const uploads = 10;
  const bytesEach = context.quick ? 2 * 2 ** 20 : 10 * 2 ** 20 - 64 * 1024;
  const organization = await seedOrganization(context.pool, { slug: 'bench-upload', conversations: uploads, messagesPerConversation: 1, staffMembers: uploads });
  const tokens = await staffTokens(context, organization.organizationId, organization.staffIds);
  const gateway = await startBenchGateway(context, 'upload memory');
  try {
    const baseline = await gateway.rssBytes();
    let peak = baseline;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await gateway.rssBytes());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    context.log(`upload: ${uploads} × ${round(bytesEach / 2 ** 20, 1)} MiB at once`);
    const workers = organization.conversationIds.map((conversationId, index) =>
      startWorker<UploadResult>({ kind: 'upload', graphqlUrl: `${gateway.url}/graphql`, token: tokens[index]!, conversationId, bytes: bytesEach }),
    );
    const results = await Promise.all(workers.map((worker) => worker.result));
    sampling = false;
    await sampler;
    const failed = results.find((result) => !result.ok);
    if (failed) context.log(`upload: a file was refused: ${failed.error}`);
    return {
      uploads,
      bytesEach,
      succeeded: results.filter((result) => result.ok).length,
      slowestMs: round(Math.max(...results.map((result) => result.durationMs)), 0),
      rssBaselineMiB: round(baseline / 2 ** 20, 1),
      peakRssGrowthMiB: round((peak - baseline) / 2 ** 20, 1),
      growthPerUploadedByte: round((peak - baseline) / (uploads * bytesEach), 3),
    };
  } finally {
    await gateway.stop();
  }
}

/**
 * Resolves file-exists policies, asking the UI or CLI for `ask`: one question at a time, and an
 * "apply to all" answer settles every later conflict of the same direction without asking.
 */
import type { FileExistsPolicy, TransferDirection } from '../../shared/domain';
import type { ExistsAction } from './fileExists';
import type { ExistsQuestion, ExistsResolver } from './types';

/** Turns a policy (possibly `ask`) into an action for one conflict. */
export class ExistsAsker {
  private chain: Promise<unknown> = Promise.resolve();
  private readonly forAll: Partial<Record<TransferDirection, ExistsAction>> = {};

  constructor(
    private readonly resolver: ExistsResolver | undefined,
    private readonly onUnanswerable: (question: ExistsQuestion) => void,
  ) {}

  /** The action for a conflict under `policy`; without a resolver `ask` means skip (never overwrite unasked). */
  choose(question: ExistsQuestion, policy: FileExistsPolicy): Promise<ExistsAction> {
    if (policy !== 'ask') return Promise.resolve(policy);
    const dir = question.item.direction;
    const known = this.forAll[dir];
    if (known) return Promise.resolve(known);
    const resolver = this.resolver;
    if (!resolver) {
      this.onUnanswerable(question);
      return Promise.resolve('skip');
    }
    const answer = this.chain.then(async () => {
      const settled = this.forAll[dir];
      if (settled) return settled;
      const a = await resolver(question);
      if (a.applyToAll) this.forAll[dir] = a.action;
      return a.action;
    });
    this.chain = answer.catch(() => undefined);
    return answer;
  }

  /** Forgets "apply to all" answers (the queue policy changed, or the queue ran out). */
  reset(): void {
    delete this.forAll.download;
    delete this.forAll.upload;
  }
}

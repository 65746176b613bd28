#!/usr/bin/env python3
"""Where one thread's wall-clock time goes, from a collapsed wall-clock profile (AP_EVENT=wall, server.sh):
   bench/scripts/thread-time.py /tmp/iwrk-LABEL.collapsed [THREAD_PREFIX]   (default: the intake writer)
prints the thread's shares: its transaction commits (and within them the store writes H2's empty rollbacks start),
waiting for work, the rest; then its pre-query flushes by the application method whose query started them
(docs/performance.md, run M)."""
import collections
import sys

path = sys.argv[1]
thread = sys.argv[2] if len(sys.argv) > 2 else '[centralis-intake-writer'
shares, flushes, total = collections.Counter(), collections.Counter(), 0
for line in open(path):
    stack, n = line.rstrip().rsplit(' ', 1)
    if not stack.startswith(thread):
        continue
    n = int(n)
    total += n
    frames = stack.split(';')
    if any('postInvokeTx' in f or 'TransactionImpl.commit' in f for f in frames):
        shares['commit'] += n
        if 'mvstore/tx/Transaction.rollback' in stack:
            shares['  of which store writes of empty rollbacks'] += n
    elif 'LinkedBlockingQueue' in stack or not any('org/centralis' in f for f in frames):
        shares['waiting for work'] += n
    else:
        shares['work'] += n
    flush = [i for i, f in enumerate(frames) if 'performPreQueryFlush' in f or 'EntityManagerImpl.flush' in f]
    if flush:
        ours = [f for f in frames[:flush[0]] if 'org/centralis' in f]
        flushes['flush from ' + (ours[-1].rsplit('/', 1)[-1] if ours else '?')] += n
if not total:
    sys.exit(f'no samples of a thread named {thread}* in {path}')
print(f'{total} samples of {thread}*')
for name, n in shares.most_common() + flushes.most_common(6):
    print(f'{100 * n / total:5.1f} %  {name}')

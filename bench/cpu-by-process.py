#!/usr/bin/env python3
"""Which processes spend the CPU while a command runs.

    bench/cpu-by-process.py ./mvnw -B -o verify

Runs the command and, every 2 seconds until it ends, reads every process's user and system time from
/proc/<pid>/stat. Then prints the CPU seconds by kind of process (Chromium by its process type, the test JVMs,
Maven, PostgreSQL, Playwright's Node driver, ...) and, minute by minute, how busy the machine's cores were.
A process seen already running at the first sample counts only what it spent after it, and one that ends between
two samples loses what it spent after the last (so the table undercounts short-lived processes: the command's
whole tree, from the kernel's accounting of reaped children, is printed beside it). Linux only.
"""
import collections
import os
import resource
import re
import subprocess
import sys
import threading
import time

TICKS = os.sysconf('SC_CLK_TCK')
CORES = os.cpu_count()


def kind(cmd):
    if 'chrom' in cmd:
        m = re.search(r'--type=(\S+)', cmd)
        return 'chromium ' + (m.group(1) if m else 'browser')
    if 'surefire' in cmd:
        return 'test JVMs'
    if 'plexus-classworlds' in cmd or 'maven-wrapper' in cmd or 'apache-maven' in cmd:
        return 'maven'
    if 'postgres' in cmd:
        return 'postgresql'
    if 'node' in cmd.split(' ')[0]:
        return 'node'
    if 'java' in cmd.split(' ')[0]:
        return 'other java'
    return 'other'


def sample(samples, stop):
    names = {}
    while not stop.is_set():
        now = time.time()
        for pid in os.listdir('/proc'):
            if not pid.isdigit():
                continue
            try:
                with open(f'/proc/{pid}/stat') as f:
                    stat = f.read()
                fields = stat[stat.rindex(')') + 2:].split()
                cpu = int(fields[11]) + int(fields[12])
                start = fields[19]
                key = (pid, start)
                if key not in names:
                    with open(f'/proc/{pid}/cmdline', 'rb') as f:
                        names[key] = f.read().replace(b'\0', b' ').decode('utf-8', 'replace')
                samples.append((now, key, cpu, names[key]))
            except (OSError, ValueError):
                pass
        stop.wait(2)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    samples, stop = [], threading.Event()
    sampler = threading.Thread(target=sample, args=(samples, stop))
    sampler.start()
    time.sleep(0.5)
    began = time.time()
    code = subprocess.call(sys.argv[1:])
    ended = time.time()
    stop.set()
    sampler.join()

    t0 = samples[0][0]
    first, last, name, previous = {}, {}, {}, {}
    per_minute = collections.defaultdict(collections.Counter)
    for now, key, cpu, cmd in samples:
        if key not in first:
            first[key] = previous[key] = cpu if now == t0 else 0
        per_minute[max(0, int(now - began)) // 60][kind(cmd)] += cpu - previous[key]
        previous[key] = cpu
        last[key], name[key] = cpu, cmd
    total = collections.Counter()
    for key in last:
        total[kind(name[key])] += last[key] - first[key]
    span = ended - began
    tree = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f'\n{" ".join(sys.argv[1:])}: exit {code}, {span:.0f} s; sampled {sum(total.values()) / TICKS:.0f} s of CPU, '
          f'the command\'s tree {tree.ru_utime + tree.ru_stime:.0f} s ({CORES} cores: {span * CORES:.0f} s available)')
    for k, v in total.most_common():
        print(f'  {k:32s} {v / TICKS:8.1f} s')
    kinds = [k for k, _ in total.most_common(6)]
    print('minute  ' + ' '.join(f'{k[:12]:>12s}' for k in kinds) + '   busy')
    for minute in sorted(per_minute):
        row = per_minute[minute]
        print(f'{minute:6d}  ' + ' '.join(f'{row[k] / TICKS:12.1f}' for k in kinds)
              + f'   {sum(row.values()) / TICKS / 60 / CORES * 100:4.0f} %')
    sys.exit(code)


if __name__ == '__main__':
    main()

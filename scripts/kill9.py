#!/usr/bin/env python3
"""Kill-9 harness (issue 12, "whole-run atomicity"): kills `hindsight run`, `import`,
`sweep`, `check` and `tune --write` with SIGKILL at random moments and checks what is left.

- run: the output folder must be the previous run's folder (byte for byte), the complete
  new one (same files and bytes as a reference run), or absent when there was none
  before; never a mix. Hidden `.out.tmp-*` siblings left by a kill are counted and removed.
- import: `PRAGMA integrity_check` must say ok, the dataset present before must be intact,
  and the new dataset must be either absent (or, with --replace, the earlier one) or
  complete (all its samples).
- sweep, check: the output folder must be the previous one or the complete new one (as
  for run); the run history they append to must pass `PRAGMA integrity_check`.
- tune --write: the policy file must be the original or the tuned one, byte for byte.

  scripts/kill9.py --bin .build/release/hindsight [--runs 30] [--imports 16] [--others 12] [--budget 170] [--seed 1]

Exit 0 when every kill left a valid state, 1 otherwise.
"""
import argparse, hashlib, os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fingerprint(folder):
    """{relative path: sha256} of every file under folder, or None when it is absent."""
    if not os.path.isdir(folder):
        return None
    prints = {}
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            with open(path, 'rb') as f:
                prints[os.path.relpath(path, folder)] = hashlib.sha256(f.read()).hexdigest()
    return prints


def scenario(trace):
    """demo.yaml with its trace replaced by `trace` (a file next to the scenario)."""
    with open(os.path.join(ROOT, 'scenarios', 'demo.yaml')) as f:
        text = f.read()
    return text.replace('file: ../datasets/demo-web.csv', 'file: ' + trace)


def timed(command, cwd, codes=(0,)):
    """Seconds `command` took; it must exit with one of `codes` (`check` exits 1 on a broken budget)."""
    start = time.monotonic()
    status = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    if status not in codes:
        raise RuntimeError(f'{command} exited with {status}')
    return time.monotonic() - start


def kill_at(command, cwd, delay):
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return process.returncode


def store_state(db):
    """(integrity, {dataset name: rows}, samples count) of the store at db."""
    connection = sqlite3.connect(db)
    try:
        integrity = connection.execute('PRAGMA integrity_check').fetchone()[0]
        datasets = dict(connection.execute('SELECT name, rows FROM datasets'))
        samples = connection.execute('SELECT count(*) FROM samples').fetchone()[0]
    finally:
        connection.close()
    return integrity, datasets, samples


def calibrate(binary, work, name, command, low=0.5, high=2.0):
    """Sizes `<name>.csv` (spiky, demo's scenario) so that `command` lasts about a second;
    returns the seconds it took."""
    days, seconds = 2.0, 0.0
    for _ in range(4):
        subprocess.run([binary, 'generate', '--pattern', 'spiky', '--days', str(days), '--seed', '5',
                        '--out', os.path.join(work, name + '.csv')], check=True)
        with open(os.path.join(work, name + '.yaml'), 'w') as f:
            f.write(scenario(name + '.csv'))
        start = time.monotonic()
        subprocess.run(command, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.monotonic() - start
        if low <= seconds <= high:
            break
        days = min(365.0, max(0.25, days / max(seconds, 0.05)))
    return seconds


def kill_folder(binary, work, rng, label, make, out, old_ref, count, deadline, failures):
    """Kills `make(out)` `count` times (until `deadline`); the folder `out` must be the one
    copied from `old_ref` before, or the complete result (a reference run), never a mix.
    The run history the command appends to must stay intact. Returns the number of kills."""
    reference = os.path.join(work, label + '-new-ref')
    seconds = timed(make(reference), work, codes=(0, 1))
    new = fingerprint(reference)
    old = fingerprint(os.path.join(work, old_ref))
    path = os.path.join(work, out)

    def restore():
        shutil.rmtree(path, ignore_errors=True)
        shutil.copytree(os.path.join(work, old_ref), path)

    kills, states = kill_loop(work, rng, label, make(out), seconds, count, deadline, restore,
                              lambda: fingerprint(path), old, new, failures)
    print(f'kill9: {label:<6} {kills} kills (one takes {seconds:.2f} s) -> {states["old"]} old, {states["new"]} new')
    return kills


def kill_loop(work, rng, label, command, seconds, count, deadline, restore, observe, old, new, failures):
    """Up to `count` times (until `deadline`): `restore()` the old state, start `command`,
    SIGKILL it at a random moment, and compare `observe()` with `old` and `new`; the run
    history must stay intact. Returns (kills, {'old': n, 'new': n})."""
    states = {'old': 0, 'new': 0}
    kills = 0
    for i in range(count):
        if time.monotonic() > deadline:
            break
        restore()
        kill_at(command, work, rng.uniform(0, 1.2 * seconds))
        kills += 1
        state = observe()
        if state == old:
            states['old'] += 1
        elif state == new:
            states['new'] += 1
        else:
            failures.append(f'{label} kill {i}: neither the old state nor the complete new one')
        check_history(work, f'{label} kill {i}', failures)
    return kills, states


def check_history(work, what, failures):
    history = os.path.join(work, 'history.sqlite')
    if os.path.exists(history):
        connection = sqlite3.connect(history)
        try:
            integrity = connection.execute('PRAGMA integrity_check').fetchone()[0]
        finally:
            connection.close()
        if integrity != 'ok':
            failures.append(f'{what}: the run history fails integrity_check: {integrity}')


def kill_others(binary, work, rng, count, deadline, failures):
    """sweep, check and tune --write, each killed `count` times within `deadline`."""
    history = ['--history', 'history.sqlite']
    sweep = lambda out: [binary, 'sweep', 'sweep.yaml', '--out', out, '--jobs', '2'] + history
    calibrate(binary, work, 'sweep', sweep('sweep-cal'))
    subprocess.run([binary, 'sweep', 'small.yaml', '--out', 'sweep-old', '--sample', '3', '--seed', '1'] + history,
                   cwd=work, check=True, stdout=subprocess.DEVNULL)
    kills = kill_folder(binary, work, rng, 'sweep', sweep, 'sweep-out', 'sweep-old', count,
                        time.monotonic() + (deadline - time.monotonic()) / 3, failures)

    check = lambda out: [binary, 'check', 'check.yaml', '--baseline', 'policies/hpa.yaml',
                         '--candidate', 'candidate.yaml', '--out', out] + history
    with open(os.path.join(work, 'policies', 'hpa.yaml')) as f:
        candidate = f.read().replace('averageUtilization: 60', 'averageUtilization: 75')
    with open(os.path.join(work, 'candidate.yaml'), 'w') as f:
        f.write(candidate)
    calibrate(binary, work, 'check', check('check-cal'))
    subprocess.run([binary, 'check', 'small.yaml', '--baseline', 'policies/hpa.yaml', '--candidate',
                    'policies/hpa.yaml', '--out', 'check-old'] + history, cwd=work, stdout=subprocess.DEVNULL)
    kills += kill_folder(binary, work, rng, 'check', check, 'check-out', 'check-old', count,
                         time.monotonic() + (deadline - time.monotonic()) / 2, failures)

    # tune --write: policies/hpa.yaml is the original or the tuned file, byte for byte.
    policy = os.path.join(work, 'policies', 'hpa.yaml')
    with open(policy, 'rb') as f:
        original = f.read()
    tune = [binary, 'tune', 'sweep.yaml', '--write', '--out', 'tune-out', '--jobs', '2'] + history
    seconds = timed(tune, work)
    with open(policy, 'rb') as f:
        tuned = f.read()
    if tuned == original:
        failures.append('tune --write changed nothing: the harness cannot tell old from new')

    def restore():
        with open(policy, 'wb') as f:
            f.write(original)

    def observe():
        with open(policy, 'rb') as f:
            return f.read()

    tunes, states = kill_loop(work, rng, 'tune', tune, seconds, count, deadline, restore, observe,
                              original, tuned, failures)
    leftovers = [e for e in os.listdir(os.path.join(work, 'policies')) if '.tmp-' in e]
    print(f'kill9: tune   {tunes} kills (one takes {seconds:.2f} s) -> {states["old"]} original, {states["new"]} tuned '
          f'policy file; {len(leftovers)} temporary files left beside it')
    with open(policy, 'wb') as f:
        f.write(original)
    return kills + tunes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--bin', default=os.path.join(ROOT, '.build', 'release', 'hindsight'))
    parser.add_argument('--runs', type=int, default=30)
    parser.add_argument('--imports', type=int, default=16)
    parser.add_argument('--others', type=int, default=12, help='kills each of sweep, check and tune --write')
    parser.add_argument('--budget', type=float, default=170, help='seconds for the kills')
    parser.add_argument('--seed', type=int, default=1)
    args = parser.parse_args()
    binary = os.path.abspath(args.bin)
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix='hindsight-kill9-')
    failures = []
    try:
        shutil.copytree(os.path.join(ROOT, 'scenarios', 'policies'), os.path.join(work, 'policies'))
        subprocess.run([binary, 'generate', '--pattern', 'diurnal', '--days', '0.5', '--seed', '2',
                        '--out', os.path.join(work, 'small.csv')], check=True)
        with open(os.path.join(work, 'small.yaml'), 'w') as f:
            f.write(scenario('small.csv'))
        # The big trace: sized so that one run lasts about a second on this machine.
        days, run_seconds = 20.0, 0.0
        for _ in range(3):
            subprocess.run([binary, 'generate', '--pattern', 'spiky', '--days', str(days), '--seed', '3',
                            '--out', os.path.join(work, 'big.csv')], check=True)
            with open(os.path.join(work, 'big.yaml'), 'w') as f:
                f.write(scenario('big.csv'))
            run_seconds = timed([binary, 'run', 'big.yaml', '--out', 'new-ref', '--quiet'], work)
            if 0.7 <= run_seconds <= 2.5:
                break
            days = min(365.0, max(1.0, days / max(run_seconds, 0.05)))
        subprocess.run([binary, 'run', 'small.yaml', '--out', 'old-ref', '--quiet'], cwd=work, check=True)
        timed([binary, 'run', 'big.yaml', '--out', 'new-ref2', '--quiet'], work)
        old, new = fingerprint(os.path.join(work, 'old-ref')), fingerprint(os.path.join(work, 'new-ref'))
        if fingerprint(os.path.join(work, 'new-ref2')) != new:
            # Outputs are deterministic (STYLE.md); without that only summary.json is compared.
            failures.append('two complete runs of big.yaml wrote different bytes')
        print(f'kill9: big trace {days:g} days, a run takes {run_seconds:.2f} s, {len(new)} files')

        start = time.monotonic()
        budget_runs = args.budget * 0.3
        states = {'old': 0, 'new': 0, 'absent': 0}
        leftovers = 0
        out = os.path.join(work, 'out')
        runs = 0
        for i in range(args.runs):
            if time.monotonic() - start > budget_runs:
                break
            shutil.rmtree(out, ignore_errors=True)
            had_old = i % 4 != 0
            if had_old:
                shutil.copytree(os.path.join(work, 'old-ref'), out)
            kill_at([binary, 'run', 'big.yaml', '--out', 'out', '--quiet'], work, rng.uniform(0, 1.2 * run_seconds))
            runs += 1
            state = fingerprint(out)
            if state is None:
                states['absent'] += 1
                if had_old:
                    failures.append(f'run kill {i}: the output folder vanished although an earlier run was there')
            elif state == old and had_old:
                states['old'] += 1
            elif state == new:
                states['new'] += 1
            else:
                extra = sorted(set(state) ^ set(new))[:5]
                failures.append(f'run kill {i}: a mixed or partial folder ({len(state)} files; differing names {extra})')
            for entry in os.listdir(work):
                if entry.startswith('.out.tmp-'):
                    leftovers += 1
                    shutil.rmtree(os.path.join(work, entry), ignore_errors=True)
        print(f'kill9: run    {runs} kills -> {states["old"]} old, {states["new"]} new, '
              f'{states["absent"]} absent (no earlier folder), {leftovers} hidden .tmp- leftovers removed')

        # Imports: a store holding `base`, then `big` imported and killed.
        base_db = os.path.join(work, 'base.sqlite')
        subprocess.run([binary, 'import', 'small.csv', '--name', 'base', '--db', base_db], cwd=work, check=True,
                       stdout=subprocess.DEVNULL)
        _, base_sets, base_samples = store_state(base_db)
        ref_db = os.path.join(work, 'ref.sqlite')
        # The import's trace: sized so that one import lasts about a second.
        import_days, import_seconds = days, 0.0
        for _ in range(3):
            subprocess.run([binary, 'generate', '--pattern', 'spiky', '--days', str(import_days), '--seed', '4',
                            '--out', os.path.join(work, 'import.csv')], check=True)
            for suffix in ('', '-wal', '-shm'):
                if os.path.exists(ref_db + suffix):
                    os.remove(ref_db + suffix)
            shutil.copy(base_db, ref_db)
            import_seconds = timed([binary, 'import', 'import.csv', '--name', 'big', '--db', ref_db], work)
            if 0.7 <= import_seconds <= 2.5:
                break
            import_days = min(3650.0, max(1.0, import_days / max(import_seconds, 0.05)))
        _, ref_sets, ref_samples = store_state(ref_db)
        # Every other kill replaces an earlier `big` (the small trace) with --replace.
        older_db = os.path.join(work, 'older.sqlite')
        shutil.copy(base_db, older_db)
        subprocess.run([binary, 'import', 'small.csv', '--name', 'big', '--db', older_db], cwd=work, check=True,
                       stdout=subprocess.DEVNULL)
        _, older_sets, older_samples = store_state(older_db)
        outcomes = {'none': 0, 'all': 0}
        imports = 0
        db = os.path.join(work, 'store.sqlite')
        for i in range(args.imports):
            if time.monotonic() - start > args.budget * 0.5:
                break
            for suffix in ('', '-wal', '-shm', '-journal'):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            replacing = i % 2 == 1
            shutil.copy(older_db if replacing else base_db, db)
            kill_at([binary, 'import', 'import.csv', '--name', 'big', '--db', db] + (['--replace'] if replacing else []),
                    work, rng.uniform(0, 1.2 * import_seconds))
            imports += 1
            integrity, sets, samples = store_state(db)
            if integrity != 'ok':
                failures.append(f'import kill {i}: integrity_check says {integrity}')
            before = (older_sets, older_samples) if replacing else (base_sets, base_samples)
            if (sets, samples) == before:
                outcomes['none'] += 1
            elif sets == ref_sets and samples == ref_samples:
                outcomes['all'] += 1
            else:
                failures.append(f'import kill {i}: partial import ({sets}, {samples} samples)')
        print(f'kill9: import {imports} kills (an import takes {import_seconds:.2f} s) -> '
              f'{outcomes["none"]} none (the store as before), {outcomes["all"]} all; half of them --replace')
        others = kill_others(binary, work, rng, args.others, start + args.budget * 0.95, failures)
        total = runs + imports + others
        print(f'kill9: {total} kills in {time.monotonic() - start:.0f} s, {len(failures)} failures')
        if total < 50:
            failures.append(f'only {total} kills fit in the budget (at least 50 wanted)')
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print('FAIL ' + failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

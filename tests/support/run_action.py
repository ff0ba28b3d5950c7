#!/usr/bin/env python3
"""Runs a composite GitHub Action's steps here, the way a runner would.

Usage: run_action.py ACTION_YML [NAME=VALUE ...]

Each step's `run` is executed with `bash --noprofile --norc -eo pipefail`,
as GitHub does for `shell: bash`, in the current directory. `${{ inputs.* }}`
takes the given value or the input's default, `${{ github.action_path }}` is
the action's folder. GITHUB_ENV and GITHUB_PATH are files, as on a runner;
what a step writes to them reaches the steps after it. The first failing
step ends the run with its exit code. An expression this script does not
know is an error, so the test cannot pass on an action it did not run.

A step's `if:` may compare a step output or an input with a quoted string
(`steps.download.outputs.installed != 'true'`); outputs come from
GITHUB_OUTPUT as on a runner. `uses: actions/cache@…` is skipped, with a
line saying so: there is no cache service here, and a cold cache is what
a first run has anyway. Any other `uses:` is an error.
"""

import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPR = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def substitute(text, inputs, action_path):
    def value(match):
        expr = match.group(1)
        if expr == "github.action_path":
            return action_path
        if expr.startswith("inputs."):
            name = expr[len("inputs."):]
            if name not in inputs:
                sys.exit(f"run_action: unknown input {name!r}")
            return inputs[name]
        sys.exit(f"run_action: cannot evaluate ${{{{ {expr} }}}}")

    return EXPR.sub(value, str(text))


CONDITION = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*(==|!=)\s*'([^']*)'\s*$")


def holds(condition, inputs, outputs):
    """Whether a step's `if:` holds; only `NAME ==|!= 'value'` is known."""
    cond = EXPR.sub(lambda m: m.group(1), str(condition))
    match = CONDITION.match(cond)
    if not match:
        sys.exit(f"run_action: cannot evaluate if: {condition}")
    name, op, want = match.groups()
    if name.startswith("inputs."):
        value = inputs.get(name[len("inputs."):])
        if value is None:
            sys.exit(f"run_action: unknown input in if: {name}")
    elif name.startswith("steps."):
        parts = name.split(".")
        if len(parts) != 4 or parts[2] != "outputs":
            sys.exit(f"run_action: cannot evaluate if: {condition}")
        value = outputs.get(parts[1], {}).get(parts[3], "")
    else:
        sys.exit(f"run_action: cannot evaluate if: {condition}")
    return (value == want) == (op == "==")


def read_env_file(path):
    """KEY=VALUE lines and KEY<<DELIM heredocs, as GITHUB_ENV allows."""
    env = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            key, delim = line.split("<<", 1)
            body = []
            while i < len(lines) and lines[i] != delim:
                body.append(lines[i])
                i += 1
            i += 1
            env[key] = "\n".join(body)
        elif "=" in line:
            key, value = line.split("=", 1)
            env[key] = value
    return env


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    action_file = os.path.abspath(sys.argv[1])
    action_path = os.path.dirname(action_file)
    with open(action_file, encoding="utf-8") as f:
        action = yaml.safe_load(f)
    if action["runs"]["using"] != "composite":
        sys.exit("run_action: only composite actions")

    declared = action.get("inputs", {})
    inputs = {name: str(spec.get("default", "")) for name, spec in declared.items()}
    for arg in sys.argv[2:]:
        name, _, value = arg.partition("=")
        if name not in declared:
            sys.exit(f"run_action: the action has no input {name!r}")
        inputs[name] = value

    runner = tempfile.mkdtemp(prefix="runner-")
    env = dict(os.environ)
    env["RUNNER_TEMP"] = runner
    env["GITHUB_ACTION_PATH"] = action_path
    env["GITHUB_WORKSPACE"] = os.getcwd()
    env["GITHUB_ACTIONS"] = "true"
    outputs = {}
    for number, step in enumerate(action["runs"]["steps"]):
        if "if" in step and not holds(step["if"], inputs, outputs):
            print(f"run_action: step {number}: {step.get('name', '')}: skipped (if)", file=sys.stderr)
            continue
        if "uses" in step:
            if not str(step["uses"]).startswith("actions/cache@"):
                sys.exit(f"run_action: step {number} uses {step['uses']}")
            print(f"run_action: step {number}: {step.get('name', '')}: no cache here", file=sys.stderr)
            continue
        if "run" not in step:
            sys.exit(f"run_action: step {number} has no `run`")
        if step.get("shell") != "bash":
            sys.exit(f"run_action: step {number} is not `shell: bash`")
        env_file = os.path.join(runner, f"env-{number}")
        path_file = os.path.join(runner, f"path-{number}")
        output_file = os.path.join(runner, f"output-{number}")
        open(env_file, "w").close()
        open(path_file, "w").close()
        open(output_file, "w").close()
        step_env = dict(env)
        for key, value in (step.get("env") or {}).items():
            step_env[key] = substitute(value, inputs, action_path)
        step_env["GITHUB_ENV"] = env_file
        step_env["GITHUB_PATH"] = path_file
        step_env["GITHUB_OUTPUT"] = output_file
        script = os.path.join(runner, f"step-{number}.sh")
        with open(script, "w", encoding="utf-8") as f:
            f.write(substitute(step["run"], inputs, action_path))
        print(f"run_action: step {number}: {step.get('name', '')}", file=sys.stderr)
        sys.stdout.flush()
        code = subprocess.call(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", script], env=step_env
        )
        if code != 0:
            sys.exit(code)
        env.update(read_env_file(env_file))
        if "id" in step:
            outputs[step["id"]] = read_env_file(output_file)
        with open(path_file, encoding="utf-8") as f:
            for line in f.read().splitlines():
                if line:
                    env["PATH"] = line + os.pathsep + env["PATH"]


if __name__ == "__main__":
    main()

"""Runs the real Azure CLI argument parser (the azure-cli package) over az command lines
without calling Azure: the command table, the argument parser and the argument validators
run as in `az`, and only the command's handler (the part that would call Azure) is replaced.

    python judge.py INVOCATIONS.json

INVOCATIONS.json holds [{"label": "...", "argv": ["network", "vnet", ...]}, ...] (argv
without the leading "az"). Prints a JSON list [{"label", "argv", "ok", "error"}] on stdout.
A file argument (`--body @path`) is given a temporary file holding `{}`.
"""

import contextlib
import io
import json
import logging
import os
import sys
import tempfile

# A fresh configuration: no signed-in account, no defaults, nothing sent anywhere.
os.environ["AZURE_CONFIG_DIR"] = tempfile.mkdtemp(prefix="az-judge-config-")
os.environ["AZURE_CORE_COLLECT_TELEMETRY"] = "false"
os.environ["AZURE_CORE_NO_COLOR"] = "true"
os.environ["AZURE_CORE_ONLY_SHOW_ERRORS"] = "true"

from azure.cli.core import get_default_cli  # noqa: E402
from azure.cli.core.commands import AzCliCommandInvoker  # noqa: E402

handled = []


def _record_instead_of_running(self, expanded_arg, cmd_copy):
    """Stands in for AzCliCommandInvoker._run_job: the parsed, validated command is recorded
    and not run."""
    handled.append(cmd_copy.name)
    return None


AzCliCommandInvoker._run_job = _record_instead_of_running


def with_body_files(argv, scratch):
    """`--body @path`: the script writes a temporary file there; so does the judge."""
    out = []
    for index, arg in enumerate(argv):
        if index > 0 and argv[index - 1] == "--body" and arg.startswith("@"):
            path = os.path.join(scratch, "body-%d.json" % index)
            with open(path, "w", encoding="utf-8") as handle:
                handle.write("{}")
            arg = "@" + path
        out.append(arg)
    return out


def reset_logging():
    """knack binds its log handlers to the stderr of the first run: bind them again."""
    from knack.log import cli_logger_names

    for name in [""] + list(cli_logger_names):
        logging.getLogger(name).handlers.clear()


def judge(argv, scratch):
    handled.clear()
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        reset_logging()
        try:
            code = get_default_cli().invoke(with_body_files(argv, scratch), out_file=io.StringIO())
        except SystemExit as exit_:
            code = exit_.code
    error = errors.getvalue().strip()
    # The parser stops at the first problem; its message comes before the help examples.
    error = error.split("\n\nExamples from command's help:")[0]
    if code == 0 and not handled:
        error = error or "the command was not reached (no handler ran)"
    ok = code == 0 and bool(handled)
    return {"ok": ok, "error": "" if ok else error or "exit code %s" % code}


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        invocations = json.load(handle)
    scratch = tempfile.mkdtemp(prefix="az-judge-files-")
    verdicts = {}
    results = []
    for invocation in invocations:
        key = tuple(invocation["argv"])
        if key not in verdicts:
            verdicts[key] = judge(list(key), scratch)
        results.append(dict(label=invocation["label"], argv=invocation["argv"], **verdicts[key]))
    json.dump(results, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A small editor-like LSP client for testing httptidy-clangd (and stock clangd).

Python 3 standard library only. It speaks JSON-RPC 2.0 with Content-Length
framing over the server's stdin/stdout, answers the requests a server sends to
its client, and prints what an editor would show in a stable text form that
FileCheck can match.

Modes
-----
check (default)
    Open --source (copied into --workspace together with --dot-clangd and
    --compile-flags when given), wait for its diagnostics and print them, ask
    textDocument/codeAction for the range of each diagnostic and print the
    quick fixes. Optionally apply the quick fix of a diagnostic as an editor
    would (--apply-fix CODE) and print the new text and diagnostics, and/or
    replace the whole text with --change and print the next diagnostics.

replay
    Robustness: open an empty document, then "type" --source into it by sending
    didChange with successive prefixes (every --step-th line or character cut),
    waiting for diagnostics after each edit (or every --wait-every edits, so
    the server has to drop stale versions). With --incremental the changes
    are ranged insertions at the end of the buffer, and at the end the same
    text is also sent whole: the diagnostics must not differ. Fails if the
    server dies or stops answering; at the end it must still answer
    documentSymbol and shut down cleanly. Prints
    "REPLAYED <n> edits ..." and "REPLAY OK".

Server arguments default to --log=error --clang-tidy --background-index=false
--enable-config: no index is written into the workspace and nothing runs in
the background. The server's XDG_CONFIG_HOME points to an empty temporary
directory so that the user's clangd config.yaml cannot change the results
(.clangd/.clang-tidy files in the workspace's parent directories still apply,
as in an editor; the client warns about them on stderr).

Output (line/column numbers are 1-based, columns in UTF-16 code units as LSP
counts them; newText and messages are JSON-quoted/escaped on one line):

    DIAGNOSTICS version=<v> count=<n>
    DIAG <line>:<col> <severity> source=<source> code=<code> <message>
      RANGE <line>:<col>-<line>:<col>
      HREF <codeDescription.href>             (when the server sent one)
      TAG <unnecessary|deprecated>
      RELATED <line>:<col> <message>          (relatedInformation, when sent)
      INLINEFIX <title>                       (clangd's codeActionsInline)
    ACTIONS <line>:<col> code=<code> count=<n>
    FIX <title>
      KIND <kind> preferred=<true|false> diagnostics=<codes>
      EDIT <line>:<col>-<line>:<col> "<newText>"
    APPLIED <title>                           (--apply-fix)
    TEXT | <line of the text after the fix>

Exit status: 0 success, 1 protocol/test failure (server died, error reply,
no diagnostics, ...), 2 usage error, 3 hard timeout (server killed).
"""

import argparse
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

EXIT_FAIL = 1
EXIT_USAGE = 2
EXIT_TIMEOUT = 3

SEVERITY = {1: "error", 2: "warning", 3: "information", 4: "hint"}

# Requests a server may send to the client, and what we answer. Anything else
# gets a MethodNotFound error so the server never waits on us.
SERVER_REQUEST_REPLIES = {
    "client/registerCapability": lambda params: None,
    "client/unregisterCapability": lambda params: None,
    "window/workDoneProgress/create": lambda params: None,
    "window/showMessageRequest": lambda params: None,
    "window/showDocument": lambda params: {"success": False},
    "workspace/configuration": lambda params: [None] * len(
        (params or {}).get("items", [])),
    "workspace/workspaceFolders": lambda params: None,
    "workspace/applyEdit": lambda params: {"applied": False,
                                           "failureReason": "test client"},
    "workspace/semanticTokens/refresh": lambda params: None,
    "workspace/inlayHint/refresh": lambda params: None,
    "workspace/codeLens/refresh": lambda params: None,
    "workspace/diagnostic/refresh": lambda params: None,
}


class ClientError(Exception):
    """A failure of the server or of the protocol exchange (exit 1)."""


def log(msg):
    sys.stderr.write("lsp_client: %s\n" % msg)
    sys.stderr.flush()


def path_to_uri(path):
    return "file://" + urllib.request.pathname2url(os.path.abspath(path))


def uri_to_path(uri):
    if not uri.startswith("file://"):
        return uri
    return os.path.realpath(
        urllib.request.url2pathname(urllib.parse.urlparse(uri).path))


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def end_position(text):
    """LSP position just past the end of text."""
    line = text.count("\n")
    last = text.rsplit("\n", 1)[-1]
    return {"line": line, "character": utf16_len(last)}


def position_to_offset(text, pos):
    """String index of an LSP position (character counted in UTF-16)."""
    lines = text.split("\n")
    if pos["line"] >= len(lines):
        return len(text)
    offset = sum(len(l) + 1 for l in lines[:pos["line"]])
    units = 0
    for i, ch in enumerate(lines[pos["line"]]):
        if units >= pos["character"]:
            return offset + i
        units += 2 if ord(ch) > 0xFFFF else 1
    return offset + len(lines[pos["line"]])


def apply_edits(text, edits):
    """Apply LSP TextEdits, all relative to the original text."""
    spans = sorted(((position_to_offset(text, e["range"]["start"]),
                     position_to_offset(text, e["range"]["end"]),
                     e["newText"]) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def fmt_pos(pos):
    return "%d:%d" % (pos["line"] + 1, pos["character"] + 1)


def fmt_range(rng):
    return "%s-%s" % (fmt_pos(rng["start"]), fmt_pos(rng["end"]))


def one_line(text):
    """Messages may contain newlines (clangd appends notes); keep one line."""
    return " ".join(str(text).split("\n"))


class Server:
    """A language server process and the JSON-RPC plumbing around it."""

    def __init__(self, argv, env, cwd, deadline, trace=None):
        self.deadline = deadline
        self.trace = trace
        self.next_id = 1
        self.incoming = queue.Queue()
        self.stderr_tail = []
        self.stderr_lock = threading.Lock()
        self.write_lock = threading.Lock()
        self.dead = False
        self.exit_code = None
        try:
            self.proc = subprocess.Popen(
                argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, env=env, cwd=cwd,
                start_new_session=True)
        except OSError as e:
            raise ClientError("cannot start server %r: %s" % (argv[0], e))
        self.reader = threading.Thread(target=self._read_stdout, daemon=True)
        self.reader.start()
        self.err_reader = threading.Thread(target=self._read_stderr,
                                           daemon=True)
        self.err_reader.start()

    # -- I/O threads -------------------------------------------------------

    def _read_stdout(self):
        out = self.proc.stdout
        try:
            while True:
                headers = {}
                while True:
                    line = out.readline()
                    if not line:
                        raise EOFError
                    line = line.rstrip(b"\r\n")
                    if not line:
                        break
                    key, _, value = line.decode("ascii", "replace").partition(":")
                    headers[key.strip().lower()] = value.strip()
                if "content-length" not in headers:
                    raise ValueError("message without Content-Length: %r"
                                     % headers)
                length = int(headers["content-length"])
                body = b""
                while len(body) < length:
                    chunk = out.read(length - len(body))
                    if not chunk:
                        raise EOFError
                    body += chunk
                msg = json.loads(body.decode("utf-8"))
                if self.trace:
                    self.trace.write("<<< %s\n" % json.dumps(msg))
                    self.trace.flush()
                self.incoming.put(msg)
        except EOFError:
            self.incoming.put({"__eof__": True})
        except Exception as e:  # malformed framing or JSON
            self.incoming.put({"__eof__": True, "__error__": repr(e)})

    def _read_stderr(self):
        for line in self.proc.stderr:
            with self.stderr_lock:
                self.stderr_tail.append(line.decode("utf-8", "replace")
                                        .rstrip("\n"))
                del self.stderr_tail[:-60]

    def stderr_text(self):
        with self.stderr_lock:
            return "\n".join(self.stderr_tail)

    # -- sending -----------------------------------------------------------

    def _send(self, msg):
        if self.dead:
            raise ClientError(self._death_message())
        data = json.dumps(msg, separators=(",", ":")).encode("utf-8")
        if self.trace:
            self.trace.write(">>> %s\n" % json.dumps(msg))
            self.trace.flush()
        frame = b"Content-Length: %d\r\n\r\n" % len(data) + data
        with self.write_lock:
            try:
                self.proc.stdin.write(frame)
                self.proc.stdin.flush()
            except (BrokenPipeError, OSError) as e:
                self._mark_dead()
                raise ClientError("cannot write to server (%s); %s"
                                  % (e, self._death_message()))

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def send_request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self._send({"jsonrpc": "2.0", "id": rid, "method": method,
                    "params": params})
        return rid

    # -- receiving ---------------------------------------------------------

    def _mark_dead(self):
        self.dead = True
        try:
            self.exit_code = self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass

    def _death_message(self):
        code = self.exit_code
        if code is None:
            code = self.proc.poll()
        if code is not None and code < 0:
            try:
                how = "killed by signal %s" % signal.Signals(-code).name
            except ValueError:
                how = "killed by signal %d" % -code
        else:
            how = "exit code %s" % code
        tail = self.stderr_text()
        return "server died (%s)%s" % (
            how, ("; last stderr lines:\n" + tail) if tail else "")

    def _handle_server_request(self, msg):
        method = msg["method"]
        handler = SERVER_REQUEST_REPLIES.get(method)
        if handler is None:
            self._send({"jsonrpc": "2.0", "id": msg["id"],
                        "error": {"code": -32601,
                                  "message": "unsupported by test client: "
                                  + method}})
        else:
            self._send({"jsonrpc": "2.0", "id": msg["id"],
                        "result": handler(msg.get("params"))})

    def pump(self, want, timeout, what):
        """Handle incoming messages until want(msg) returns non-None.

        Server requests are answered, other messages are offered to want.
        Raises ClientError if the server dies and TimeoutError on timeout.
        """
        start = time.monotonic()
        limit = min(start + timeout, self.deadline)
        while True:
            remaining = limit - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no %s within %.1fs%s" % (
                    what, time.monotonic() - start,
                    " (hard limit of the run)" if limit == self.deadline
                    else ""))
            try:
                msg = self.incoming.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                continue
            if "__eof__" in msg:
                self._mark_dead()
                extra = msg.get("__error__")
                raise ClientError("while waiting for %s: %s%s" % (
                    what, self._death_message(),
                    ("; bad stream: " + extra) if extra else ""))
            if "method" in msg and "id" in msg:
                self._handle_server_request(msg)
                continue
            result = want(msg)
            if result is not None:
                return result

    def request(self, method, params, timeout):
        rid = self.send_request(method, params)

        def want(msg):
            if "method" not in msg and msg.get("id") == rid:
                return msg
            return None

        msg = self.pump(want, timeout, "reply to %s" % method)
        if "error" in msg:
            raise ClientError("%s failed: %s" % (method,
                                                 json.dumps(msg["error"])))
        return msg.get("result")

    def kill(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass


class Session:
    """An editor session with one document open."""

    def __init__(self, server, args, root):
        self.server = server
        self.args = args
        self.root = root
        self.uri = None
        self.path = None
        self.version = 0
        self.text = ""
        # Latest publishDiagnostics per URI (the server may publish for other
        # files, e.g. a .clangd with errors).
        self.published = {}

    def on_message(self, msg):
        """Record notifications we care about; return nothing."""
        if msg.get("method") == "textDocument/publishDiagnostics":
            params = msg["params"]
            self.published[uri_to_path(params["uri"])] = params
            if self.args.show_other_diagnostics and \
                    uri_to_path(params["uri"]) != self.path:
                for d in params.get("diagnostics", []):
                    log("diagnostic for %s: %s" % (params["uri"],
                                                    one_line(d["message"])))
        return None

    def initialize(self):
        caps = {
            "general": {"positionEncodings": ["utf-16"]},
            "window": {"workDoneProgress": True},
            "workspace": {
                "configuration": True,
                "workspaceFolders": True,
                "applyEdit": True,
                "workspaceEdit": {"documentChanges": True},
                "didChangeConfiguration": {"dynamicRegistration": False},
            },
            "textDocument": {
                "synchronization": {"didSave": True,
                                    "dynamicRegistration": False},
                "publishDiagnostics": {
                    "relatedInformation": True,
                    "versionSupport": True,
                    "codeDescriptionSupport": True,
                    "dataSupport": True,
                    "tagSupport": {"valueSet": [1, 2]},
                    # clangd extensions:
                    "categorySupport": self.args.clangd_extensions,
                    "codeActionsInline": self.args.clangd_extensions,
                },
                "codeAction": {
                    "dynamicRegistration": False,
                    "isPreferredSupport": True,
                    "dataSupport": True,
                    "codeActionLiteralSupport": {
                        "codeActionKind": {"valueSet": [
                            "", "quickfix", "refactor", "refactor.extract",
                            "refactor.inline", "refactor.rewrite", "source",
                            "source.organizeImports", "source.fixAll"]},
                    },
                },
            },
        }
        params = {
            "processId": os.getpid(),
            "clientInfo": {"name": "httptidy-lsp-test", "version": "1"},
            "rootUri": path_to_uri(self.root),
            "rootPath": self.root,
            "workspaceFolders": [{"uri": path_to_uri(self.root),
                                  "name": os.path.basename(self.root)}],
            "capabilities": caps,
            "initializationOptions": {},
            "trace": "off",
        }
        result = self.server.request("initialize", params,
                                     self.args.request_timeout)
        if not isinstance(result, dict) or "capabilities" not in result:
            raise ClientError("initialize returned no capabilities: %r"
                              % (result,))
        info = result.get("serverInfo") or {}
        log("server: %s %s" % (info.get("name", "?"), info.get("version", "")))
        self.server_caps = result["capabilities"]
        self.server.notify("initialized", {})

    def open(self, path, text):
        self.path = os.path.realpath(path)
        self.uri = path_to_uri(self.path)
        self.version = 1
        self.text = text
        self.server.notify("textDocument/didOpen", {"textDocument": {
            "uri": self.uri, "languageId": self.args.language_id,
            "version": self.version, "text": text}})

    def change(self, new_text, incremental=False):
        self.version += 1
        if incremental and new_text.startswith(self.text):
            # What typing at the end of the buffer looks like.
            pos = end_position(self.text)
            change = {"range": {"start": pos, "end": pos},
                      "text": new_text[len(self.text):]}
        else:
            change = {"text": new_text}
        self.text = new_text
        self.server.notify("textDocument/didChange", {
            "textDocument": {"uri": self.uri, "version": self.version},
            "contentChanges": [change]})

    def wait_diagnostics(self):
        """Wait for publishDiagnostics of the current version of the file."""
        version = self.version

        def want(msg):
            self.on_message(msg)
            if msg.get("method") != "textDocument/publishDiagnostics":
                return None
            params = msg["params"]
            if uri_to_path(params["uri"]) != self.path:
                return None
            got = params.get("version")
            if got is None or got == version:
                return params
            return None

        return self.server.pump(want, self.args.diag_timeout,
                                "diagnostics for %s version %d"
                                % (os.path.basename(self.path), version))

    def code_actions(self, diag):
        params = {
            "textDocument": {"uri": self.uri},
            "range": diag["range"],
            "context": {"diagnostics": [diag]},
        }
        if self.args.only_quickfix:
            params["context"]["only"] = ["quickfix"]
        return self.server.request("textDocument/codeAction", params,
                                   self.args.request_timeout) or []

    def shutdown(self):
        self.server.request("shutdown", None, self.args.request_timeout)
        self.server.notify("exit", None)
        try:
            self.server.proc.stdin.close()
        except OSError:
            pass
        try:
            code = self.server.proc.wait(timeout=self.args.exit_timeout)
        except subprocess.TimeoutExpired:
            raise ClientError("server did not exit within %ss after 'exit'"
                              % self.args.exit_timeout)
        if code != 0:
            raise ClientError("server exited with code %s after shutdown/exit"
                              "%s" % (code, "; stderr:\n" +
                                      self.server.stderr_text()))


def diag_sort_key(d):
    r = d["range"]
    return (r["start"]["line"], r["start"]["character"], r["end"]["line"],
            r["end"]["character"], str(d.get("code", "")), d["message"])


def print_diagnostics(params, out):
    diags = sorted(params.get("diagnostics", []), key=diag_sort_key)
    out.write("DIAGNOSTICS version=%s count=%d\n" % (params.get("version"),
                                                     len(diags)))
    for d in diags:
        out.write("DIAG %s %s source=%s code=%s %s\n" % (
            fmt_pos(d["range"]["start"]),
            SEVERITY.get(d.get("severity"), "none"),
            d.get("source", "-"), d.get("code", "-"),
            one_line(d["message"])))
        out.write("  RANGE %s\n" % fmt_range(d["range"]))
        href = (d.get("codeDescription") or {}).get("href")
        if href:
            out.write("  HREF %s\n" % href)
        for tag in d.get("tags", []):
            out.write("  TAG %s\n" % {1: "unnecessary",
                                       2: "deprecated"}.get(tag, tag))
        for rel in d.get("relatedInformation", []):
            out.write("  RELATED %s %s\n" % (
                fmt_pos(rel["location"]["range"]["start"]),
                one_line(rel["message"])))
        for act in d.get("codeActions", []):  # clangd's codeActionsInline
            out.write("  INLINEFIX %s\n" % one_line(act.get("title", "")))
    out.flush()
    return diags


def action_edits(action, uri):
    """TextEdits of a code action for the given document, and other files."""
    edit = action.get("edit") or {}
    edits, others = [], []
    for u, lst in (edit.get("changes") or {}).items():
        (edits if uri_to_path(u) == uri_to_path(uri) else others).extend(lst)
    for dc in edit.get("documentChanges") or []:
        if "textDocument" not in dc:  # create/rename/delete file operations
            others.append(dc)
            continue
        if uri_to_path(dc["textDocument"]["uri"]) == uri_to_path(uri):
            edits.extend(dc.get("edits", []))
        else:
            others.extend(dc.get("edits", []))
    return edits, others


def print_actions(session, diag, actions, out):
    out.write("ACTIONS %s code=%s count=%d\n" % (
        fmt_pos(diag["range"]["start"]), diag.get("code", "-"), len(actions)))
    for act in actions:
        title = one_line(act.get("title", ""))
        if "command" in act and isinstance(act["command"], str):
            out.write("COMMAND %s\n" % title)  # bare Command, not CodeAction
            continue
        out.write("FIX %s\n" % title)
        out.write("  KIND %s preferred=%s diagnostics=%s\n" % (
            act.get("kind", "-"),
            "true" if act.get("isPreferred") else "false",
            ",".join(str(d.get("code", "-"))
                     for d in act.get("diagnostics", [])) or "-"))
        edits, others = action_edits(act, session.uri)
        edits.sort(key=lambda e: (e["range"]["start"]["line"],
                                  e["range"]["start"]["character"]))
        for e in edits:
            out.write("  EDIT %s %s\n" % (fmt_range(e["range"]),
                                          json.dumps(e["newText"])))
        if others:
            out.write("  OTHER-FILE-EDITS %d\n" % len(others))
        if act.get("command"):
            out.write("  COMMAND %s\n" % act["command"].get("command"))
    out.flush()


def report(session, params, out, with_actions):
    """Print diagnostics (and their code actions); return [(diag, actions)]."""
    diags = print_diagnostics(params, out)
    result = []
    for d in diags:
        actions = session.code_actions(d) if with_actions else []
        if with_actions:
            print_actions(session, d, actions, out)
        result.append((d, actions))
    return result


def read_text(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def prepare_workspace(args):
    """Create the workspace dir and put the source and config files in it."""
    ws = os.path.realpath(args.workspace)
    if args.fresh and os.path.isdir(ws):
        shutil.rmtree(ws)
    os.makedirs(ws, exist_ok=True)
    name = args.name or os.path.basename(args.source)
    doc = os.path.join(ws, name)
    if os.path.realpath(args.source) != doc:
        shutil.copyfile(args.source, doc)
    if args.dot_clangd:
        shutil.copyfile(args.dot_clangd, os.path.join(ws, ".clangd"))
    if args.dot_clang_tidy:
        shutil.copyfile(args.dot_clang_tidy, os.path.join(ws, ".clang-tidy"))
    if args.compile_flags:
        shutil.copyfile(args.compile_flags,
                        os.path.join(ws, "compile_flags.txt"))
    # Config files in parent directories also apply to the document; warn, as
    # they can make a test depend on where it runs.
    parent = os.path.dirname(ws)
    while True:
        for cfg in (".clangd", ".clang-tidy"):
            p = os.path.join(parent, cfg)
            if os.path.isfile(p):
                log("note: %s also applies to the test document" % p)
        up = os.path.dirname(parent)
        if up == parent:
            break
        parent = up
    return ws, doc


def cuts(text, unit, step):
    """Successive prefixes of text: every step-th line or character cut."""
    if unit == "line":
        ends = [i + 1 for i, c in enumerate(text) if c == "\n"]
    else:
        ends = list(range(1, len(text) + 1))
    ends = ends[step - 1::step]
    if not ends or ends[-1] != len(text):
        ends.append(len(text))
    return [text[:e] for e in ends]


def run_check(session, args, out):
    session.open(session.path, read_text(session.path))
    found = report(session, session.wait_diagnostics(), out,
                   not args.no_actions or bool(args.apply_fix))
    if args.apply_fix:
        # What an editor does when the user picks the quick fix: apply its
        # edits to the buffer, which sends a didChange.
        fixes = [a for d, actions in found if d.get("code") == args.apply_fix
                 for a in actions if a.get("kind") == "quickfix"]
        if not fixes:
            raise ClientError("no quick fix for a diagnostic with code %s"
                              % args.apply_fix)
        edits, _ = action_edits(fixes[0], session.uri)
        new_text = apply_edits(session.text, edits)
        out.write("APPLIED %s\n" % one_line(fixes[0].get("title", "")))
        for line in new_text.split("\n"):
            out.write("TEXT | %s\n" % line)
        session.change(new_text)
        report(session, session.wait_diagnostics(), out, not args.no_actions)
    if args.change:
        session.change(read_text(args.change))
        report(session, session.wait_diagnostics(), out, not args.no_actions)


def run_replay(session, args, out):
    final = read_text(session.path)
    prefixes = cuts(final, args.unit, args.step)
    if args.max_edits and len(prefixes) > args.max_edits:
        # Keep the spread over the whole file, and always the full text.
        stride = len(prefixes) / float(args.max_edits)
        prefixes = [prefixes[int(i * stride)] for i in range(args.max_edits)]
        prefixes[-1] = final
    session.open(session.path, "")
    session.wait_diagnostics()
    started = time.monotonic()
    last = None
    for i, prefix in enumerate(prefixes, 1):
        session.change(prefix, incremental=args.incremental)
        if i % args.wait_every == 0 or i == len(prefixes):
            last = session.wait_diagnostics()
            if args.actions_every and i % args.actions_every == 0:
                # Exercise fix-it generation on half-typed code as well.
                end = end_position(prefix)
                session.server.request("textDocument/codeAction", {
                    "textDocument": {"uri": session.uri},
                    "range": {"start": {"line": 0, "character": 0},
                              "end": end},
                    "context": {"diagnostics": last.get("diagnostics", [])}},
                    args.request_timeout)
        if args.verbose:
            log("edit %d/%d (%d chars)" % (i, len(prefixes), len(prefix)))
    out.write("REPLAYED %d edits unit=%s step=%d sync=%s in %.1fs\n" % (
        len(prefixes), args.unit, args.step,
        "incremental" if args.incremental else "full",
        time.monotonic() - started))
    if args.incremental:
        # The server applied our ranged edits; if it got them right, the
        # same text sent whole gives the same diagnostics. (clangd publishes
        # nothing for an unchanged text, so add a harmless newline.)
        session.change(final + "\n")
        again = session.wait_diagnostics()

        def summary(params):
            return [(fmt_range(d["range"]), d.get("code"), d["message"])
                    for d in sorted(params.get("diagnostics", []),
                                    key=diag_sort_key)]
        if summary(again) != summary(last):
            raise ClientError(
                "diagnostics after incremental edits differ from those of "
                "the same text sent whole:\n  %r\n  %r"
                % (summary(last), summary(again)))
        last = again
    if args.print_final:
        report(session, last, out, not args.no_actions)
    # The server must still answer requests after all that typing.
    session.server.request("textDocument/documentSymbol",
                           {"textDocument": {"uri": session.uri}},
                           args.request_timeout)
    out.write("REPLAY OK\n")
    out.flush()


def parse_args(argv):
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--server", required=True,
                   help="language server binary (clangd, httptidy-clangd)")
    p.add_argument("--server-arg", action="append", default=None,
                   help="argument for the server (repeatable); default: "
                   "--log=error --clang-tidy --background-index=false "
                   "--enable-config")
    p.add_argument("--source", required=True,
                   help="the document to open (copied into --workspace)")
    p.add_argument("--workspace",
                   help="directory to open the document in (created); "
                   "default: the source's directory, nothing is copied")
    p.add_argument("--fresh", action="store_true",
                   help="delete --workspace first")
    p.add_argument("--temp-workspace", action="store_true",
                   help="use a new temporary directory as the workspace and "
                   "delete it at the end: no .clangd/.clang-tidy of a parent "
                   "directory (e.g. the repository's) can apply")
    p.add_argument("--keep-workspace", action="store_true",
                   help="with --temp-workspace: keep it (path on stderr)")
    p.add_argument("--name", help="file name of the document in the workspace")
    p.add_argument("--dot-clangd", help="file copied to <workspace>/.clangd")
    p.add_argument("--dot-clang-tidy",
                   help="file copied to <workspace>/.clang-tidy")
    p.add_argument("--compile-flags",
                   help="file copied to <workspace>/compile_flags.txt")
    p.add_argument("--language-id", default="cpp")
    p.add_argument("--mode", choices=["check", "replay"], default="check")
    p.add_argument("--change", help="check mode: after the first diagnostics, "
                   "replace the whole text with this file's")
    p.add_argument("--apply-fix", metavar="CODE",
                   help="check mode: apply the first quick fix offered for a "
                   "diagnostic with this code, print the text, send it as a "
                   "didChange and print the next diagnostics")
    p.add_argument("--no-actions", action="store_true",
                   help="do not ask for code actions")
    p.add_argument("--all-actions", dest="only_quickfix", action="store_false",
                   help="also list refactorings, not only kind quickfix")
    p.add_argument("--clangd-extensions", action="store_true",
                   help="advertise clangd's codeActionsInline/categorySupport")
    p.add_argument("--unit", choices=["line", "char"], default="line",
                   help="replay: cut the file by lines or characters")
    p.add_argument("--step", type=int, default=1,
                   help="replay: send every step-th cut")
    p.add_argument("--max-edits", type=int, default=0,
                   help="replay: at most this many edits, spread evenly")
    p.add_argument("--wait-every", type=int, default=1,
                   help="replay: wait for diagnostics after every N-th edit")
    p.add_argument("--actions-every", type=int, default=0,
                   help="replay: also request code actions every N-th edit")
    p.add_argument("--incremental", action="store_true",
                   help="replay: send ranged (incremental) changes")
    p.add_argument("--print-final", action="store_true",
                   help="replay: print the last diagnostics")
    p.add_argument("--timeout", type=float, default=180,
                   help="hard limit for the whole run, seconds")
    p.add_argument("--diag-timeout", type=float, default=60,
                   help="limit for one wait for diagnostics, seconds")
    p.add_argument("--request-timeout", type=float, default=30,
                   help="limit for one request, seconds")
    p.add_argument("--exit-timeout", type=float, default=10)
    p.add_argument("--show-other-diagnostics", action="store_true",
                   help="log diagnostics published for other files "
                   "(e.g. errors in .clangd) to stderr")
    p.add_argument("--trace", help="write every message to this file")
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args(argv)
    if args.server_arg is None:
        args.server_arg = ["--log=error", "--clang-tidy",
                           "--background-index=false", "--enable-config"]
    if args.step < 1 or args.wait_every < 1:
        p.error("--step and --wait-every must be >= 1")
    return args


def main(argv):
    args = parse_args(argv)
    if not os.path.isfile(args.source):
        log("no such source file: %s" % args.source)
        return EXIT_USAGE
    if not args.temp_workspace:
        return run(args)
    if args.workspace:
        log("--temp-workspace and --workspace exclude each other")
        return EXIT_USAGE
    args.workspace = tempfile.mkdtemp(prefix="httptidy-lsp-")
    try:
        return run(args)
    finally:
        if args.keep_workspace:
            log("workspace kept: %s" % args.workspace)
        else:
            shutil.rmtree(args.workspace, ignore_errors=True)


def run(args):
    if args.workspace:
        root, doc = prepare_workspace(args)
    else:
        doc = os.path.realpath(args.source)
        root = os.path.dirname(doc)

    # User-level clangd config (~/.config/clangd/config.yaml) must not leak in.
    env = dict(os.environ)
    xdg = tempfile.mkdtemp(prefix="lsp-client-xdg-")
    env["XDG_CONFIG_HOME"] = xdg

    deadline = time.monotonic() + args.timeout
    trace = open(args.trace, "w") if args.trace else None
    try:
        server = Server([args.server] + args.server_arg, env, root, deadline,
                        trace)
    except ClientError as e:
        log("FAIL: %s" % e)
        shutil.rmtree(xdg, ignore_errors=True)
        return EXIT_FAIL

    # Last line of defence: whatever blocks, the run ends at the deadline.
    def watchdog():
        log("TIMEOUT: hard limit of %ss reached; killing the server" %
            args.timeout)
        tail = server.stderr_text()
        if tail:
            log("last server stderr lines:\n" + tail)
        server.kill()
        sys.stdout.flush()
        os._exit(EXIT_TIMEOUT)

    dog = threading.Timer(args.timeout + 5, watchdog)
    dog.daemon = True
    dog.start()

    session = Session(server, args, root)
    session.path = doc
    out = sys.stdout
    try:
        session.initialize()
        if args.mode == "check":
            run_check(session, args, out)
        else:
            run_replay(session, args, out)
        session.shutdown()
        out.write("SHUTDOWN OK\n")
        return 0
    except TimeoutError as e:
        log("TIMEOUT: %s; killing the server" % e)
        tail = server.stderr_text()
        if tail:
            log("last server stderr lines:\n" + tail)
        return EXIT_TIMEOUT
    except ClientError as e:
        log("FAIL: %s" % e)
        return EXIT_FAIL
    finally:
        out.flush()
        server.kill()
        dog.cancel()
        if trace:
            trace.close()
        shutil.rmtree(xdg, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

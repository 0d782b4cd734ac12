"""Hostile input: each class gives an E002 within the limits, reads no other file and opens no
connection. The XML parser is watched through a FIFO (opening it would be seen) and a loopback
HTTP listener (a connection would be seen)."""

from __future__ import annotations

import os
import socket
import threading
import time
import zlib

import pytest

from filings import nd_tx, ownership_xml
from form16lint.engine import check_file, read_document, split_rules
from form16lint.limits import MB, ReadLimits
from form16lint.rule import RunOptions
from form16lint.settings import Settings

CLEAN = ownership_xml(nd_transactions=[nd_tx()], remarks="Remarks.")
BODY = CLEAN.split("?>", 1)[1] if CLEAN.startswith("<?xml") else CLEAN


class FifoWatch:
    """A FIFO, and a thread that notices when anything opens it for reading (it then writes
    nothing and closes, so the reader is never left blocked)."""

    def __init__(self, folder):
        self.path = str(folder / "watched.fifo")
        os.mkfifo(self.path)
        self.opened = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self):
        while not self._stop.is_set():
            try:
                handle = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: nobody has it open for reading
                time.sleep(0.005)
                continue
            self.opened = True
            os.close(handle)

    def stop(self):
        time.sleep(0.05)
        self._stop.set()
        self._thread.join()
        return self.opened


class LoopbackWatch:
    """A listening socket on 127.0.0.1 that records any connection."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(5)
        self.server.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}/x.dtd"
        self.connected = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self):
        while not self._stop.is_set():
            try:
                connection, _ = self.server.accept()
            except OSError:
                continue
            self.connected = True
            connection.close()

    def stop(self):
        time.sleep(0.05)
        self._stop.set()
        self._thread.join()
        self.server.close()
        return self.connected


@pytest.fixture
def fifo(tmp_path):
    watch = FifoWatch(tmp_path)
    yield watch
    watch.stop()


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-bom":
        return text.encode("utf-16")
    if encoding == "utf-7":
        # the declaration in ASCII, the rest in UTF-7, which writes '<' and '!' as +ADw- and +ACE-
        head = '<?xml version="1.0" encoding="UTF-7"?>'
        return head.encode() + text[len(head):].encode("utf-7")
    return text.encode(encoding)


def _check(plugins, tmp_path, data: bytes, name="filing.xml", limits=None):
    path = tmp_path / name
    path.write_bytes(data)
    started = time.monotonic()
    document = read_document(plugins, str(path), limits=limits or ReadLimits(time_limit=10))
    return document, time.monotonic() - started


def _e002(document):
    codes = [f.code for f in document.reader_findings]
    assert document.filing is None and codes == ["E002"], codes
    return document.reader_findings[0].message


# -- 5. the parser never opens a file, whatever the encoding -----------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-bom", "utf-16-le", "utf-16-be", "utf-7"])
@pytest.mark.parametrize("attack", ["external-dtd", "external-entity", "parameter-entity"])
def test_a_dtd_pointing_at_a_file_is_refused_unopened(plugins, tmp_path, fifo, encoding, attack):
    declaration = '<?xml version="1.0" encoding="UTF-7"?>' if encoding == "utf-7" else '<?xml version="1.0"?>'
    doctype = {
        "external-dtd": f'<!DOCTYPE ownershipDocument SYSTEM "file://{fifo.path}">',
        "external-entity": f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{fifo.path}">]>',
        "parameter-entity": f'<!DOCTYPE d [<!ENTITY % p SYSTEM "file://{fifo.path}"> %p;]>',
    }[attack]
    body = BODY.replace("<remarks>", "<remarks>&x;", 1) if attack == "external-entity" else BODY
    text = declaration + "\n" + doctype + "\n" + body
    document, seconds = _check(plugins, tmp_path, _encode(text, encoding))
    message = _e002(document)
    assert not fifo.stop(), "the parser opened the file the DTD names"
    assert seconds < 60
    if encoding != "utf-16-bom":  # that one is refused before any parser, as UTF-16
        assert "document type or entities" in message


def test_a_dtd_in_a_submission_is_refused_unopened(plugins, tmp_path, fifo):
    xml = f'<?xml version="1.0"?>\n<!DOCTYPE d SYSTEM "file://{fifo.path}">\n{BODY}'
    text = ("<SEC-DOCUMENT>0000320193-24-000001.txt : 20240305\n<SEC-HEADER>\nACCESSION NUMBER:\t0000320193-24-000001\n"
            "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>4\n<TEXT>\n<XML>\n" + xml + "\n</XML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    document, _ = _check(plugins, tmp_path, text.encode(), "submission.txt")
    assert "document type" in _e002(document)
    assert not fifo.stop()


@pytest.mark.parametrize("attack", ["external-dtd", "external-entity"])
def test_xxe_over_http_opens_no_connection(plugins, tmp_path, attack):
    server = LoopbackWatch()
    doctype = (f'<!DOCTYPE ownershipDocument SYSTEM "{server.url}">' if attack == "external-dtd"
               else f'<!DOCTYPE d [<!ENTITY x SYSTEM "{server.url}">]>')
    body = BODY.replace("<remarks>", "<remarks>&x;", 1)
    document, _ = _check(plugins, tmp_path, (doctype + "\n" + body).encode())
    _e002(document)
    assert not server.stop(), "the parser opened a connection"


def test_xinclude_is_refused(plugins, tmp_path, fifo):
    body = BODY.replace("<ownershipDocument>", '<ownershipDocument xmlns:xi="http://www.w3.org/2001/XInclude">', 1)
    body = body.replace("<issuerName>", f'<issuerName><xi:include href="file://{fifo.path}" parse="text"/>', 1)
    document, _ = _check(plugins, tmp_path, body.encode())
    assert "XInclude" in _e002(document)
    assert not fifo.stop()


def test_an_unknown_declared_encoding_is_e002(plugins, tmp_path):
    document, _ = _check(plugins, tmp_path, b'<?xml version="1.0" encoding="x-nothing"?>' + BODY.encode())
    assert "encoding" in _e002(document)


def test_a_utf7_document_without_declarations_is_read(plugins, tmp_path):
    text = '<?xml version="1.0" encoding="UTF-7"?>\n' + BODY
    document, _ = _check(plugins, tmp_path, _encode(text, "utf-7"))
    assert document.filing is not None and document.filing.document_type == "4"


# -- 6. hostile input classes ------------------------------------------------------------------
def test_billion_laughs_is_refused_at_once(plugins, tmp_path):
    entities = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    text = f'<?xml version="1.0"?><!DOCTYPE d [{entities}]>' + BODY.replace("<remarks>", "<remarks>&a9;", 1)
    document, seconds = _check(plugins, tmp_path, text.encode())
    _e002(document)
    assert seconds < 30


def test_quadratic_blowup_is_refused_at_once(plugins, tmp_path):
    text = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "{"x" * 50_000}">]>'
            + BODY.replace("<remarks>", "<remarks>" + "&a;" * 50_000, 1))
    document, seconds = _check(plugins, tmp_path, text.encode())
    _e002(document)
    assert seconds < 30


def test_deep_nesting_in_xml_is_e002(plugins, tmp_path):
    depth = 100_000
    text = BODY.replace("<remarks>", "<remarks>" + "<a>" * depth + "</a>" * depth, 1)
    document, seconds = _check(plugins, tmp_path, text.encode())
    assert "not well-formed" in _e002(document)
    assert seconds < 60


def test_deep_nesting_in_json_is_e002(plugins, tmp_path):
    depth = 100_000
    text = ('{"$schema": "https://form16lint.dev/schemas/filing.schema.json", "documentType": "4", "remarks": '
            + "[" * depth + "]" * depth + "}")
    document, seconds = _check(plugins, tmp_path, text.encode(), "deep.json")
    assert "nested too deeply" in _e002(document)
    assert seconds < 60


def test_a_file_over_the_size_limit_is_e002_unread(plugins, tmp_path):
    big = BODY.replace("<remarks>", "<remarks>" + "x" * (2 * MB), 1)
    document, _ = _check(plugins, tmp_path, big.encode(), limits=ReadLimits(max_file_size=1 * MB))
    message = _e002(document)
    assert "larger than the limit of 1 MB" in message and "--max-file-size" in message


def test_a_file_over_the_time_limit_is_e002_and_the_run_goes_on(plugins, tmp_path):
    from form16lint.rule import FilingRule

    class Slow(FilingRule):
        code, name = "Z901", "slow"

        def check(self, filing, context):
            while True:  # a rule that never ends (and swallows what it can)
                try:
                    time.sleep(0.01)
                except Exception:
                    pass

    (tmp_path / "a.xml").write_text(CLEAN)
    options = RunOptions(limits=ReadLimits(time_limit=0.5))
    started = time.monotonic()
    document, findings = check_file(plugins, str(tmp_path / "a.xml"), [Slow()], options)
    assert time.monotonic() - started < 5
    assert [f.code for f in findings] == ["E002"] and "time limit of 0.5 s" in findings[0].message
    assert "--time-limit" in findings[0].message
    # the alarm is off again: a later file is checked in full
    rules = split_rules(plugins.all_rules(), Settings())[0]
    _, findings = check_file(plugins, str(tmp_path / "a.xml"), rules, RunOptions(limits=ReadLimits(time_limit=30)))
    assert "E002" not in [f.code for f in findings]
    time.sleep(1)  # no stray alarm strikes later


def test_a_file_over_the_memory_limit_is_e002(plugins, tmp_path):
    import resource

    from form16lint.rule import FilingRule

    class Hungry(FilingRule):
        code, name = "Z902", "hungry"

        def check(self, filing, context):
            hoard = [bytearray(16 * MB) for _ in range(64)]  # 1 GB
            yield from ()
            del hoard

    before = resource.getrlimit(resource.RLIMIT_AS)
    (tmp_path / "a.xml").write_text(CLEAN)
    options = RunOptions(limits=ReadLimits(memory_limit=256 * MB))
    document, findings = check_file(plugins, str(tmp_path / "a.xml"), [Hungry()], options)
    assert [f.code for f in findings] == ["E002"] and "--memory-limit" in findings[0].message
    assert resource.getrlimit(resource.RLIMIT_AS) == before


# -- PDFs --------------------------------------------------------------------------------------
def pdf(objects: list[bytes], *, trailer_extra: bytes = b"", xref: bool = True) -> bytes:
    """A PDF from its objects (1-based numbers), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, start)
    return bytes(out)


def one_page(content: bytes = b"BT /F1 12 Tf 72 720 Td (FORM 4) Tj ET", *, filters: bytes = b"",
             mediabox: bytes = b"/MediaBox [0 0 612 792]") -> bytes:
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R " + mediabox + b" /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d %s>>\nstream\n" % (len(content), filters) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def many_pages(count: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(count))
    pages = [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>" for _ in range(count)]
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
                *pages])


def _pdf_e002(plugins, tmp_path, data, limits=None):
    pytest.importorskip("pdfplumber")
    import pdfplumber  # noqa: F401  (imported before any memory limit, as a run that read PDFs before would)

    document, seconds = _check(plugins, tmp_path, data, "filing.pdf", limits)
    message = _e002(document)
    assert seconds < 60  # within the time limit (10 s) and its alarm; a loaded machine adds wall time
    return message


def test_a_pdf_of_thousands_of_pages_is_refused_before_it_is_parsed(plugins, tmp_path):
    message = _pdf_e002(plugins, tmp_path, many_pages(3000))
    assert "3,000 pages" in message and "--max-pages" in message


def test_an_encrypted_pdf_is_e002(plugins, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    from io import BytesIO

    writer = pypdf.PdfWriter(clone_from=BytesIO(one_page()))
    writer.encrypt("secret")
    stream = BytesIO()
    writer.write(stream)
    _pdf_e002(plugins, tmp_path, stream.getvalue())


def test_a_truncated_pdf_is_e002(plugins, tmp_path):
    data = one_page()
    _pdf_e002(plugins, tmp_path, data[: len(data) // 2])


def test_a_pdf_with_a_broken_xref_is_e002(plugins, tmp_path):
    data = one_page().replace(b"00000 n", b"99999 n").replace(b"startxref\n", b"startxref\n9")
    _pdf_e002(plugins, tmp_path, data)


def test_a_pdf_without_a_mediabox_is_e002(plugins, tmp_path):
    _pdf_e002(plugins, tmp_path, one_page(mediabox=b""))


def test_a_decompression_bomb_pdf_is_e002_within_the_memory_limit(plugins, tmp_path):
    bomb = zlib.compress(b"\x00" * (512 * MB), 9)  # about 500 KB that inflate to 512 MB
    data = one_page(bomb, filters=b"/Filter /FlateDecode ")
    _pdf_e002(plugins, tmp_path, data, ReadLimits(memory_limit=256 * MB, time_limit=10))

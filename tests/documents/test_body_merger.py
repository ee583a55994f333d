"""The print file's body merged a document at a time gives the bytes of the one-pass merge_bodies."""

import random

from xl_addin.documents.merge import PAGE_BREAK, BodyMerger, merge_bodies

HEAD = b'<?xml version="1.0"?><w:document xmlns:w="w"><w:body>'
TAIL = b'<w:sectPr><w:pgSz w:w="11906"/></w:sectPr></w:body></w:document>'
PIECES = [
    b'<w:p w14:paraId="1A2B3C4D" w14:textId="77AA88BB"><w:r><w:t>Gi\xe1\xba\xa5y ch\xe1\xbb\xa9ng nh\xe1\xba\xadn</w:t></w:r></w:p>',
    b'<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>A</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>',
    b'<w:p><w:r><w:drawing><wp:docPr id="7" name="Logo"/></w:drawing></w:r></w:p>',
    b'<w:p><w:r><wp:docPr id="1001" name="Sao" descr="x"/></w:r></w:p>',
    b'<w:p><w:r><w:t>S\xe1\xba\xa3n ph\xe1\xba\xa9m s\xe1\xbb\x91 42</w:t></w:r></w:p>',
]


def _merged(head, bodies, tail):
    merger = BodyMerger(head, tail)
    for body in bodies:
        merger.add(body)
    return merger.merged()


def test_one_body_is_left_as_it_is():
    body = PIECES[0] + PIECES[2]
    assert _merged(HEAD, [body], TAIL) == HEAD + body + TAIL  # a single certificate keeps its ids


def test_many_bodies_give_the_one_pass_bytes():
    rnd = random.Random(11)
    for n in (2, 3, 17):
        bodies = [b"".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 6))) for _ in range(n)]
        got = _merged(HEAD, bodies, TAIL)
        assert got == merge_bodies(HEAD, bodies, TAIL)
        assert got.count(PAGE_BREAK) == n - 1
        assert b"paraId" not in got and b"bookmarkStart" not in got
        ids = [int(x) for x in __import__("re").findall(rb'docPr id="(\d+)"', got)]
        assert ids == list(range(1, len(ids) + 1))  # numbered 1, 2, 3 … through every body


def test_ids_in_the_head_and_tail_are_numbered_in_document_order():
    head = HEAD.replace(b"<w:body>", b'<w:body><wp:docPr id="9"/>')
    tail = b'<wp:docPr id="3"/>' + TAIL
    bodies = [PIECES[2], PIECES[3], PIECES[2]]
    merged = _merged(head, bodies, tail)
    assert merged == merge_bodies(head, bodies, tail)
    assert merged.index(b'docPr id="1"') < merged.index(b'docPr id="2"') < merged.index(b'docPr id="5"')


def test_bodies_with_nothing_to_clean_and_ids_typed_as_text_give_the_one_pass_bytes():
    plain = [PIECES[4], b'<w:p><w:r><w:t>w14:paraId &amp; docPr id="3"</w:t></w:r></w:p>']
    typed = b'<w:p><w:r><w:t>x w14:paraId="0A1B" y</w:t></w:r></w:p>'  # a value holding what looks like an id
    for bodies in ([plain[0]] * 3, plain * 2, [plain[0], typed, plain[1]], [typed, PIECES[2]]):
        assert _merged(HEAD, bodies, TAIL) == merge_bodies(HEAD, bodies, TAIL)
    assert b"x y" in _merged(HEAD, [typed, typed], TAIL)  # dropped from the copies, as the one-pass merge does


def test_the_deflating_merger_gives_the_same_document_xml_in_a_valid_zip_entry():
    import io
    import zipfile

    from xl_addin.documents import zippkg
    from xl_addin.documents.merge import DeflatingMerger

    rnd = random.Random(5)
    like = zippkg.Entry("word/document.xml", zipfile.ZIP_DEFLATED, 0, 0, b"", 0x6000, 0x5A21)
    for n in (0, 1, 2, 3, 40):
        bodies = [b"".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 6))) for _ in range(n)]
        merger = DeflatingMerger(HEAD, TAIL)
        for body in bodies:
            merger.add(body)
        expected = _merged(HEAD, bodies, TAIL)
        assert merger.merged() == expected
        entry = merger.entry(like)
        assert (entry.name, entry.dostime, entry.dosdate) == (like.name, like.dostime, like.dosdate)
        with zipfile.ZipFile(io.BytesIO(zippkg.build([entry]))) as z:
            assert z.read("word/document.xml") == expected  # zipfile checks the CRC and the size
        assert merger.entry(like) == entry  # asked again: the same, the numbering not moved on


def test_the_deflating_merger_over_several_megabytes_asked_midway_gives_every_body():
    """Bodies handed to zlib a megabyte at a time: the entry holds them all, asked between bodies too."""
    import io
    import zipfile

    from xl_addin.documents import zippkg
    from xl_addin.documents.merge import _BATCH, DeflatingMerger

    rnd = random.Random(11)
    like = zippkg.Entry("word/document.xml", zipfile.ZIP_DEFLATED, 0, 0, b"", 0x6000, 0x5A21)
    filler = b"<w:p><w:r><w:t>" + bytes(rnd.choice(b"abcdefgh ") for _ in range(9_000)) + b"</w:t></w:r></w:p>"
    bodies = [rnd.choice(PIECES) + filler for _ in range(3 * _BATCH // len(filler) + 7)]
    merger = DeflatingMerger(HEAD, TAIL)
    for i, body in enumerate(bodies, 1):
        merger.add(body)
        if i in (2, len(bodies) // 2, len(bodies) - 1):  # the print file asked for before the last body
            with zipfile.ZipFile(io.BytesIO(zippkg.build([merger.entry(like)]))) as z:
                assert z.read("word/document.xml") == _merged(HEAD, bodies[:i], TAIL)
    expected = _merged(HEAD, bodies, TAIL)
    assert len(expected) > 3 * _BATCH
    with zipfile.ZipFile(io.BytesIO(zippkg.build([merger.entry(like)]))) as z:
        assert z.read("word/document.xml") == expected  # zipfile checks the CRC and the size

"""The notes part and its VML drawing: the tool's notes added and removed, a person's notes kept."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest
from lxml import etree
from openpyxl.comments import Comment

from xl_addin.workbooks.sheet_notes import patch_notes
from xl_addin.workbooks.sheet_patch import SheetXmlError

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
V, X = "{urn:schemas-microsoft-com:vml}", "{urn:schemas-microsoft-com:office:excel}"
# A note as Excel writes it: the author's name bold, then the text, in runs of their own.
EXCEL_COMMENTS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="{M[1:-1]}"><authors><author>Lan'
    '</author></authors><commentList><comment ref="C4" authorId="0" shapeId="0"><text><r><rPr><b/><sz val="9"/>'
    '<rFont val="Tahoma"/></rPr><t>Lan:</t></r><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr>'
    '<t xml:space="preserve">\nGiá này chưa có VAT</t></r></text></comment></commentList></comments>').encode()
EXCEL_VML = (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="3"/>'
    '</o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
    '<v:shape id="_x0000_s3073" type="#_x0000_t202" style="position:absolute;width:300pt;visibility:visible">'
    '<x:ClientData ObjectType="Note"><x:Row>3</x:Row><x:Column>2</x:Column><x:Visible/></x:ClientData></v:shape>'
    '<v:shape id="_x0000_s3074" type="#_x0000_t201"><x:ClientData ObjectType="Checkbox"><x:Row>0</x:Row>'
    '<x:Column>5</x:Column></x:ClientData></v:shape></xml>').encode()


def comments_of(xml: bytes) -> dict[str, tuple[str, str]]:
    root = etree.fromstring(xml)
    authors = [a.text for a in root.iter(M + "author")]
    return {c.get("ref"): (authors[int(c.get("authorId"))], "".join(t.text or "" for t in c.iter(M + "t")))
            for c in root.iter(M + "comment")}


def shapes_of(vml: bytes) -> dict[tuple[str, int, int], etree._Element]:
    return {(s.find(X + "ClientData").get("ObjectType"), int(s.findtext(f"{X}ClientData/{X}Row")),
             int(s.findtext(f"{X}ClientData/{X}Column"))): s for s in etree.fromstring(vml).iter(V + "shape")}


def test_new_notes_make_a_comments_part_and_a_drawing():
    comments, vml = patch_notes(None, {(2, 3): "[a-b] một", (10, 1): "[c] hai\nba"}, set(), drawing_id=2)
    assert comments_of(comments) == {"C2": ("binhchon", "[a-b] một"), "A10": ("binhchon", "[c] hai\nba")}
    shapes = shapes_of(vml)
    assert set(shapes) == {("Note", 1, 2), ("Note", 9, 0)}
    assert sorted(s.get("id") for s in shapes.values()) == ["_x0000_s2049", "_x0000_s2050"]  # 2 × 1024 + n
    assert "visibility:hidden" in shapes[("Note", 1, 2)].get("style")


def test_a_person_saved_by_openpyxl_keeps_their_note_and_the_tools_note_grows(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A2"].comment = Comment("Của tôi", "Lan")
    ws["B5"].comment = Comment("[old] lần trước", "binhchon")
    wb.save(tmp_path / "n.xlsx")
    with zipfile.ZipFile(tmp_path / "n.xlsx") as zf:
        name = next(n for n in zf.namelist() if "comment" in n and n.endswith(".xml"))
        original = zf.read(name)
    comments, vml = patch_notes(original, {(5, 2): "[new] lần này", (7, 7): "[x] mới"}, set())
    assert comments_of(comments) == {"A2": ("Lan", "Của tôi"), "B5": ("binhchon", "[old] lần trước\n[new] lần này"),
                                     "G7": ("binhchon", "[x] mới")}
    assert [c.get("ref") for c in etree.fromstring(comments).iter(M + "comment")] == ["A2", "B5", "G7"]
    assert set(shapes_of(vml)) == {("Note", 1, 0), ("Note", 4, 1), ("Note", 6, 6)}
    # unmark then mark (a new validation run): the tool's old note replaced, the person's untouched
    comments, _ = patch_notes(original, {(5, 2): "[new] lần này"}, {(5, 2), (2, 1)})
    assert comments_of(comments) == {"A2": ("Lan", "Của tôi"), "B5": ("binhchon", "[new] lần này")}


def test_the_tools_lines_on_a_persons_excel_note_come_and_go_their_runs_untouched():
    comments, vml = patch_notes(EXCEL_COMMENTS, {(4, 3): "[price-missing] thiếu giá"}, set(), vml=EXCEL_VML)
    assert comments_of(comments) == {"C4": ("Lan", "Lan:\nGiá này chưa có VAT\n[price-missing] thiếu giá")}
    runs = etree.fromstring(comments).findall(f".//{M}r")
    assert runs[0].find(f"{M}rPr/{M}b") is not None and len(runs) == 3
    shapes = shapes_of(vml)
    assert "visibility:visible" in shapes[("Note", 3, 2)].get("style")  # the person's shown note stays shown
    assert ("Checkbox", 0, 5) in shapes  # a form control in the same drawing is kept
    back, vml_back = patch_notes(comments, {}, {(4, 3)}, vml=vml)
    assert comments_of(back) == comments_of(EXCEL_COMMENTS)
    assert etree.tostring(etree.fromstring(back).find(f".//{M}text")) == etree.tostring(
        etree.fromstring(EXCEL_COMMENTS).find(f".//{M}text"))


def test_when_no_note_is_left_there_is_no_part():
    comments, _ = patch_notes(None, {(1, 1): "[a] x"}, set())
    assert patch_notes(comments, {}, {(1, 1)}) == (None, None)
    assert patch_notes(None, {}, {(3, 3)}) == (None, None)


def test_new_shapes_take_ids_after_the_drawings_own_and_go_with_their_notes():
    comments, vml = patch_notes(EXCEL_COMMENTS, {(9, 9): "[a] x"}, {(4, 3)}, vml=EXCEL_VML)
    shapes = shapes_of(vml)
    assert comments_of(comments)["C4"] == comments_of(EXCEL_COMMENTS)["C4"]  # unmark never takes a person's note
    assert shapes[("Note", 8, 8)].get("id") == "_x0000_s3075" and ("Note", 3, 2) in shapes
    comments, vml = patch_notes(comments, {}, {(9, 9)}, vml=vml)
    assert set(comments_of(comments)) == {"C4"} and set(shapes_of(vml)) == {("Note", 3, 2), ("Checkbox", 0, 5)}


def test_a_drawing_with_a_form_control_stays_when_the_last_note_goes():
    comments, vml = patch_notes(None, {(9, 9): "[a] x"}, set(), vml=EXCEL_VML.replace(b"Note", b"Nothing"))
    comments, vml = patch_notes(comments, {}, {(9, 9)}, vml=vml)
    assert comments is None and set(shapes_of(vml)) == {("Nothing", 3, 2), ("Checkbox", 0, 5)}


def test_the_stand_in_of_a_threaded_comment_is_left_alone():
    threaded = EXCEL_COMMENTS.replace(b"<author>Lan</author>", b"<author>tc={6A3B2C1D-0E9F-4A8B-B7C6-D5E4F3A2B1C0}</author>")
    comments, _ = patch_notes(threaded, {(4, 3): "[a] x"}, {(4, 3)})
    assert comments_of(comments) == comments_of(threaded)


def test_a_broken_notes_part_is_refused_with_the_sheet_error():
    with pytest.raises(SheetXmlError, match="notes part"):
        patch_notes(b"<comments><authors>", {(1, 1): "[a] x"}, set())


def test_the_tools_lines_merged_into_a_persons_text_are_taken_out_of_it():
    merged = EXCEL_COMMENTS.replace(b"\nGi\xc3\xa1 n\xc3\xa0y ch\xc6\xb0a c\xc3\xb3 VAT",
                                    "\nGiá này chưa có VAT\n[price-missing] thiếu giá\nghi thêm".encode())
    comments, _ = patch_notes(merged, {}, {(4, 3)})
    assert comments_of(comments) == {"C4": ("Lan", "Lan:\nGiá này chưa có VAT\nghi thêm")}
    only_tool = b'<comments xmlns="%s"><authors><author>Lan</author></authors><commentList><comment ref="A1" ' \
                b'authorId="0"><text><t>[a-b] the tool\'s line</t></text></comment></commentList></comments>' % M[1:-1].encode()
    assert patch_notes(only_tool, {}, {(1, 1)}) == (None, None)  # a plain-text note of the tool's lines only


_EMPTY_COMMENTS = ('<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors/>'
                   '<commentList/></comments>').encode()


@pytest.mark.parametrize("notes", [
    {(5, 2): "[x-1] a & <b>\nline", (2, 3): " leading space", (5, 1): "q\"'", (1, 1): "",
     (1_048_576, 16_384): "\t tab ]]> ", (3, 3): "Tiếng Việt ổ \u2028 \u00ad", (9, 30): "[a] " + "dài " * 300},
    {(2, 2): "carriage\rreturn", (3, 2): "fine"},  # lxml writes &#13;: the long way
    {},
])
def test_notes_of_a_sheet_without_notes_are_the_ones_lxml_writes(notes):
    """The notes of a sheet without any, written as text, are the bytes the tree path writes."""
    fast = patch_notes(None, notes, {(7, 7)}, drawing_id=3)
    tree = patch_notes(_EMPTY_COMMENTS, notes, {(7, 7)}, drawing_id=3)
    assert fast == tree
    assert (fast[0] is None) == (not notes)

Attribute VB_Name = "BinhChon"
' Ribbon buttons of the "Binh chon CNNT" tab (macros/customUI.xml). One RunPython line each:
' the work is done in Python by xl_addin.excel.actions, never here.
Option Explicit

Sub KiemTraHoSo(control As IRibbonControl)
    RunPython "import xl_addin.excel.actions as a; a.check_registrations()"
End Sub

Sub TaoPhieuCham(control As IRibbonControl)
    RunPython "import xl_addin.excel.actions as a; a.make_judge_sheets()"
End Sub

Sub TinhKetQua(control As IRibbonControl)
    RunPython "import xl_addin.excel.actions as a; a.compute_results()"
End Sub

Sub TinhTam(control As IRibbonControl)
    RunPython "import xl_addin.excel.actions as a; a.compute_provisional()"
End Sub

Sub InVanBan(control As IRibbonControl)
    RunPython "import xl_addin.excel.actions as a; a.make_documents()"
End Sub

Sub BaoCaoTongKet(control As IRibbonControl)
    RunPython "import xl_addin.excel.actions as a; a.make_report()"
End Sub

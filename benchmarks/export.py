"""Exporting one month's timesheet (xlsx and PDF) from a carnet of 100 000 entries, against
writing the same rows with bare openpyxl / reportlab in the same run.
Run: python benchmarks/export.py
"""

from __future__ import annotations

from common import WORK, best, open_big, report

from ambassadeur_app.domain.dates import Month

MONTH = Month(2025, 11)


def main() -> None:
    service = open_big()
    entries = service.carnet.entries.in_range(MONTH.first_day, MONTH.last_day)
    names = service.ambassador_names()
    rows = [
        [e.day, names[e.ambassador_id], e.mission.label, e.activity, e.place, e.description, e.minutes / 60]
        for e in entries
    ]

    def bare_xlsx() -> None:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Relevé")
        for row in rows:
            sheet.append(row)
        workbook.save(WORK / "bare.xlsx")

    def bare_pdf() -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.platypus import LongTable, SimpleDocTemplate

        data = [[r[0].strftime("%d/%m/%Y"), r[1], r[2], r[3], r[5][:40], f"{r[6]:.2f}"] for r in rows]
        SimpleDocTemplate(str(WORK / "bare.pdf"), pagesize=A4).build([LongTable(data, repeatRows=1)])

    xlsx = best(lambda: service.export_timesheet(MONTH, "xlsx", WORK / "releve.xlsx"), 3)
    xlsx_floor = best(bare_xlsx, 3)
    pdf = best(lambda: service.export_timesheet(MONTH, "pdf", WORK / "releve.pdf"), 3)
    pdf_floor = best(bare_pdf, 3)
    print(f"{len(rows)} rows in {MONTH.label()}")
    report("timesheet xlsx", xlsx, xlsx_floor, "bare openpyxl, same rows")
    report("timesheet pdf", pdf, pdf_floor, "bare reportlab LongTable, same rows")
    service.close()


if __name__ == "__main__":
    main()

import { Component, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";

export interface ReportTable {
  /** Column headers; the first column heads the rows. */
  head: string[];
  rows: { key: string | number; cells: ReactNode[] }[];
}

/** A figure's numbers as a table: the first cell of each row is its header. */
export function FiguresTable({ caption, table, hidden }: { caption: string; table: ReportTable; hidden: boolean }) {
  return (
    <div className={hidden ? "visually-hidden" : "report-table"}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.head.map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** When the chart's code cannot load (offline), the table is shown instead of failing the page. */
class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

interface ReportCardProps {
  title: string;
  /** A line under the title (what is counted, how). */
  note?: string;
  /** The picture (a lazily loaded chart, the heat map's grid); hidden from screen readers. */
  picture: ReactNode;
  /** The same figures as a table: always there for screen readers, shown on request. */
  table: ReportTable;
  /** Said in place of the picture and the table when there is nothing to show. */
  empty?: string | null;
  className?: string;
}

/**
 * A report's section: a title, the picture, and a "show as table" switch. The table stays in the page
 * (visually hidden) while the picture is shown, so screen readers always read the numbers.
 */
export function ReportCard({ title, note, picture, table, empty, className }: ReportCardProps) {
  const { t } = useTranslation("reports");
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  return (
    <section className={`card report-card ${className ?? ""}`} aria-labelledby={titleId}>
      <div className="report-card__head">
        <h2 id={titleId}>{title}</h2>
        {!empty && (
          <button
            type="button"
            className="link-button report-card__switch"
            aria-pressed={asTable}
            onClick={() => setAsTable((shown) => !shown)}
          >
            {t("chart.showTable")}
          </button>
        )}
      </div>
      {note && <p className="report-muted">{note}</p>}
      {empty ? (
        <p className="report-card__empty">{empty}</p>
      ) : (
        <>
          {!asTable && (
            <div className="report-card__picture">
              <ChartBoundary fallback={<p className="report-muted">{t("chart.unavailable")}</p>}>
                {picture}
              </ChartBoundary>
            </div>
          )}
          <FiguresTable caption={title} table={table} hidden={!asTable} />
        </>
      )}
    </section>
  );
}

import type { ReactNode } from "react";

interface NoticeProps {
  tone?: "info" | "success" | "warning" | "error";
  title?: string;
  children?: ReactNode;
  /** Announce it (errors interrupt; other tones wait politely). */
  live?: boolean;
}

export function Notice({ tone = "info", title, children, live = false }: NoticeProps) {
  const role = live ? (tone === "error" ? "alert" : "status") : undefined;
  return (
    <div className={`notice notice--${tone}`} role={role}>
      {title && <p className="notice__title">{title}</p>}
      {children}
    </div>
  );
}

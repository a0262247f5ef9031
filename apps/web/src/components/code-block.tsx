import { CopyButton } from "./copy-button";

/** Ready-to-paste text, with a copy button named after it. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <div className="relative">
      <pre className="bg-muted overflow-x-auto rounded-md border p-3 pr-20 font-mono text-xs leading-relaxed" aria-label={label} tabIndex={0}>
        {code}
      </pre>
      <div className="absolute top-2 right-2">
        <CopyButton value={code} label={`Copy ${label}`} />
      </div>
    </div>
  );
}

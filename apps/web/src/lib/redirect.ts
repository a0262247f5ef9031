/** Where to go after signing in: a path of this app only (never another site: `//evil.example`, `https://...`). */
export const safeRedirect = (target: string | undefined) => (target !== undefined && /^\/(?![/\\])/.test(target) ? target : "/incidents");

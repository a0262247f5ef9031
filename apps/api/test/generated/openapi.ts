// Generated from the API's OpenAPI document by `pnpm openapi:types`: do not edit.

export interface paths {
    "/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and its first organisation */
        post: operations["auth-register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange email and password for tokens
         * @description After 5 failed logins for an account within 15 minutes, every attempt (even with the right password) is refused with 429 LOGIN_LOCKED and a Retry-After header until the 15 minutes are over.
         */
        post: operations["auth-login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token */
        post: operations["auth-refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/switch-org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token into another organisation */
        post: operations["auth-switchOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a refresh token and its session */
        post: operations["auth-logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a password reset link
         * @description Always 202 with the same body, whether or not an account has this email. For an account, a single-use link valid for 1 hour is emailed.
         */
        post: operations["auth-forgotPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a reset token
         * @description The token works once; a used, expired or unknown one is 400 INVALID_TOKEN. Signs the account out everywhere (every refresh token is revoked) and lifts a login lockout.
         */
        post: operations["auth-resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the signed-in user's password
         * @description Needs the current password (a wrong one is 401 INVALID_CREDENTIALS). Signs out every other session: all refresh tokens of the user are revoked except the family of `refreshToken`, if given (send the one this client holds to stay signed in). The access token used for the call stays valid until it expires.
         */
        post: operations["auth-changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/accept-invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation and sign into its organisation
         * @description Without an account for the invited email, one is created with `name` and `password`; with one, `password` must be that account's. The token is single-use; an expired, revoked or used one is 400 INVALID_TOKEN.
         */
        post: operations["auth-acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller, the current organisation and all memberships */
        get: operations["auth-me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's current organisation */
        get: operations["org-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename the current organisation (admin) */
        patch: operations["org-update"];
        trace?: never;
    };
    "/v1/org/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members and their roles (admin); of a team, with a role, or matching a text, if asked */
        get: operations["org-members-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member (admin)
         * @description Their access is refused from the next request and their refresh tokens for this org are revoked at once. They are taken out of every escalation level, rotation, team and open incident that names them, and their overrides are deleted: the answer lists what changed, and each change is audited on what it changed. Refused when it would leave an escalation level or a rotation paging no one, directly or through a team only they are in (409 SOLE_RESPONDER, naming them), and for the last admin (409 LAST_ADMIN). GET .../removal shows beforehand what it would do.
         */
        delete: operations["org-members-remove"];
        options?: never;
        head?: never;
        /**
         * Change a member's role (admin)
         * @description Applies from the member's next request. The last admin cannot be demoted (409 LAST_ADMIN).
         */
        patch: operations["org-members-update"];
        trace?: never;
    };
    "/v1/org/members/{userId}/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which event kinds a member is notified about (admin, read only)
         * @description What they chose at PUT /users/me/notification-preferences: why a level that names them did or did not page them. Only they change it: it applies in every org they belong to.
         */
        get: operations["org-members-notificationPreferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/members/{userId}/removal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What removing a member would change (admin)
         * @description The escalation policies, schedules, teams and open incidents that stop naming them, and the levels and rotations that page only them (blockers: while any remains, the removal is refused with 409 SOLE_RESPONDER).
         */
        get: operations["org-members-removal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The members as people: id, name and email, in the order they joined
         * @description For choosing an assignee or an owner (viewer+); roles are GET /org/members (admin).
         */
        get: operations["org-people-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations, newest first, with their status (admin) */
        get: operations["org-invitations-list"];
        put?: never;
        /**
         * Invite someone by email (admin)
         * @description Emails a single-use link valid 7 days. The token comes back only in this response. A pending invitation for the same email is replaced (revoked); inviting a current member is 409 CONFLICT.
         */
        post: operations["org-invitations-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invitation: its token stops working (admin) */
        delete: operations["org-invitations-revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Services, newest first */
        get: operations["org-services-list"];
        put?: never;
        /** Create a service (member) */
        post: operations["org-services-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/services/{serviceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One service */
        get: operations["org-services-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a service's settings, e.g. its escalation policy (admin) */
        patch: operations["org-services-update"];
        trace?: never;
    };
    "/v1/org/services/{serviceId}/sla-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The SLA targets the service's incidents get: its own, or the organisation's (admin) */
        get: operations["org-services-slaPolicy-get"];
        /** Give the service SLA targets of its own, replacing the organisation's for its incidents (admin) */
        put: operations["org-services-slaPolicy-put"];
        post?: never;
        /** Drop the service's own SLA targets: the organisation's apply again (admin) */
        delete: operations["org-services-slaPolicy-delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/services/{serviceId}/change-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service's change events (deploys and the like), newest first */
        get: operations["org-services-changeEvents-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/services/{serviceId}/maintenance-windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service's maintenance windows, latest ending first */
        get: operations["org-services-maintenanceWindows-list"];
        put?: never;
        /** Put the service in maintenance from start (default now) to end: its alerts open no incident (member) */
        post: operations["org-services-maintenanceWindows-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/services/{serviceId}/maintenance-windows/{windowId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End a window now, or delete one not started yet; one that is over stays (member) */
        delete: operations["org-services-maintenanceWindows-end"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/services/{serviceId}/maintenance-windows/{windowId}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The alerts that arrived during the window, newest first */
        get: operations["org-services-maintenanceWindows-alerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/services/{serviceId}/heartbeats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service's heartbeat monitors, with their ping URLs (admin) */
        get: operations["org-services-heartbeats-list"];
        put?: never;
        /** Create a heartbeat monitor: a ping is due every intervalSeconds, a missed one opens an incident (admin) */
        post: operations["org-services-heartbeats-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/services/{serviceId}/heartbeats/{heartbeatId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One heartbeat monitor (admin) */
        get: operations["org-services-heartbeats-get"];
        put?: never;
        post?: never;
        /** Delete a heartbeat monitor; an incident it opened stays (admin) */
        delete: operations["org-services-heartbeats-delete"];
        options?: never;
        head?: never;
        /** Rename a heartbeat or change its interval, counted from its last ping (admin) */
        patch: operations["org-services-heartbeats-update"];
        trace?: never;
    };
    "/v1/org/sla-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation's SLA targets per severity (admin)
         * @description Per severity, how many minutes after the trigger a first response (acknowledge or resolve) and the resolution are due (null: no target). Incidents get the deadlines (acknowledgeDueAt, resolveDueAt) of their service's policy when they open and when their severity changes; a policy change does not move running deadlines. A breach is recorded at its deadline (an sla_breached event, notification kind sla_breached). With warnAtPercent, a deadline still unmet when that share of its time has passed is recorded as at risk (an sla_at_risk event, notification kind sla_at_risk), once, and again if a severity change moves it.
         */
        get: operations["org-slaPolicy-get"];
        /**
         * Set the organisation's SLA targets per severity (admin)
         * @description Per severity, how many minutes after the trigger a first response (acknowledge or resolve) and the resolution are due (null: no target). Incidents get the deadlines (acknowledgeDueAt, resolveDueAt) of their service's policy when they open and when their severity changes; a policy change does not move running deadlines. A breach is recorded at its deadline (an sla_breached event, notification kind sla_breached). With warnAtPercent, a deadline still unmet when that share of its time has passed is recorded as at risk (an sla_at_risk event, notification kind sla_at_risk), once, and again if a severity change moves it.
         */
        put: operations["org-slaPolicy-put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/notification-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notification targets (admin); secrets are never shown */
        get: operations["org-notificationTargets-list"];
        put?: never;
        /** Create a notification target (admin); the response alone carries the signing secret */
        post: operations["org-notificationTargets-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/notification-targets/{targetId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One notification target (admin) */
        get: operations["org-notificationTargets-get"];
        put?: never;
        post?: never;
        /**
         * Delete a notification target (admin)
         * @description It leaves the org's targets and escalation levels and is never sent to again: its pending notifications end cancelled. Incidents keep their notifications to it, under its name and type (target.deleted).
         */
        delete: operations["org-notificationTargets-delete"];
        options?: never;
        head?: never;
        /**
         * Change a notification target (admin); its type is fixed
         * @description A change of the target's config, enabling it, a new secret, or a test that reaches it (a 2xx) ends a wait its receiver asked for (a 429's or 503's Retry-After) and the pause after its failures: its waiting notifications are due at once.
         */
        patch: operations["org-notificationTargets-update"];
        trace?: never;
    };
    "/v1/org/notification-targets/{targetId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the signing secret (admin); shown once
         * @description A change of the target's config, enabling it, a new secret, or a test that reaches it (a 2xx) ends a wait its receiver asked for (a 429's or 503's Retry-After) and the pause after its failures: its waiting notifications are due at once.
         */
        post: operations["org-notificationTargets-rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/notification-targets/{targetId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test notification now and report the outcome (admin)
         * @description A change of the target's config, enabling it, a new secret, or a test that reaches it (a 2xx) ends a wait its receiver asked for (a 429's or 503's Retry-After) and the pause after its failures: its waiting notifications are due at once.
         */
        post: operations["org-notificationTargets-test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/escalation-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Escalation policies (admin or team manager) */
        get: operations["org-escalationPolicies-list"];
        put?: never;
        /** Create an escalation policy (admin or team manager) */
        post: operations["org-escalationPolicies-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/escalation-policies/{policyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One escalation policy (admin or team manager) */
        get: operations["org-escalationPolicies-get"];
        /** Replace an escalation policy, levels included (admin or team manager) */
        put: operations["org-escalationPolicies-replace"];
        post?: never;
        /** Delete an escalation policy no service uses (admin or team manager) */
        delete: operations["org-escalationPolicies-delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The org's API keys, newest first (admin); secrets are never shown */
        get: operations["org-apiKeys-list"];
        put?: never;
        /**
         * Create an API key (admin); the response alone carries the secret
         * @description Send the secret as `Authorization: Bearer <secret>` or `x-api-key: <secret>`.
         */
        post: operations["org-apiKeys-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/api-keys/{keyId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API key at once (admin); revoking twice is harmless */
        post: operations["org-apiKeys-revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Teams, newest first */
        get: operations["org-teams-list"];
        put?: never;
        /** Create a team (admin) */
        post: operations["org-teams-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/teams/{teamId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One team */
        get: operations["org-teams-get"];
        put?: never;
        post?: never;
        /**
         * Delete a team (admin)
         * @description Its services, escalation policies and schedules stay, owned by no team.
         */
        delete: operations["org-teams-delete"];
        options?: never;
        head?: never;
        /** Rename a team or change its description (admin) */
        patch: operations["org-teams-update"];
        trace?: never;
    };
    "/v1/org/teams/{teamId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team's people and their roles, managers first */
        get: operations["org-teams-members-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/teams/{teamId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Add a member of the organisation to the team, or change their role there (admin or team manager) */
        put: operations["org-teams-members-set"];
        post?: never;
        /** Take someone off the team (admin or team manager) */
        delete: operations["org-teams-members-remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** On-call schedules, newest first, with their layers */
        get: operations["org-schedules-list"];
        put?: never;
        /**
         * Create a schedule (admin, or a manager of its team)
         * @description Each layer rotates its participants in turns of rotation.length x rotation.unit from rotationStart, counted on the wall clock of the schedule's time zone (a daily 09:00 handoff stays at 09:00 across daylight-saving changes), inside its restrictions. A later layer wins wherever it has someone; overrides win over layers.
         */
        post: operations["org-schedules-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/schedules/{scheduleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One schedule with its layers */
        get: operations["org-schedules-get"];
        put?: never;
        post?: never;
        /** Delete a schedule with its layers and overrides (admin, or a manager of its team) */
        delete: operations["org-schedules-delete"];
        options?: never;
        head?: never;
        /**
         * Change a schedule (admin, or a manager of its team)
         * @description Only the fields given change; `layers` replaces every layer (a layer given with its `id` keeps it).
         */
        patch: operations["org-schedules-update"];
        trace?: never;
    };
    "/v1/org/schedules/{scheduleId}/shifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The final schedule over a range of at most 93 days: who is on call when, the gaps and the coverage */
        get: operations["org-schedules-shifts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/schedules/{scheduleId}/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The schedule's overrides in a window (default: from now), by start */
        get: operations["org-schedules-overrides-list"];
        put?: never;
        /**
         * Put someone on call instead for a while (member: taking a shift, or giving away your own)
         * @description Admins and the managers of the schedule's team may create any override. A member may create one that names them (taking a shift) or one over a window where they are on call throughout (giving it away). The newest of overlapping overrides wins.
         */
        post: operations["org-schedules-overrides-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/schedules/{scheduleId}/overrides/{overrideId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an override (a past one stays; one under way ends now)
         * @description Admins and the team's managers may delete any override; a member those naming them or that they made. A past override is part of the schedule's history: 409 CONFLICT.
         */
        delete: operations["org-schedules-overrides-delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organisations and your role in each */
        get: operations["orgs-list"];
        put?: never;
        /**
         * Create another organisation, with you as its admin
         * @description The current tokens stay in their org: switch with POST /v1/auth/switch-org.
         */
        post: operations["orgs-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents, newest first, filtered */
        get: operations["incidents-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many incidents per status, and open ones per severity and service
         * @description The filters are the list's (less the status): the status tabs of a filtered list, or the open incidents of the org.
         */
        get: operations["incidents-counts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/services/{serviceId}/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open an incident on a service (member) */
        post: operations["incidents-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents/{incidentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident */
        get: operations["incidents-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the title, description or severity, at the version you read (member)
         * @description Each changed field goes on the timeline (title_changed, description_changed, severity_changed with from and to) and notifies (kinds updated, severity_changed). A new severity re-arms the SLA deadlines still running. A stale version is 409 VERSION_CONFLICT.
         */
        patch: operations["incidents-update"];
        trace?: never;
    };
    "/v1/incidents/{incidentId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident's timeline, oldest first; of one kind if asked (`?kind=escalated`: its escalations) */
        get: operations["incidents-events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents/{incidentId}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the incident to another status (member) */
        post: operations["incidents-transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents/{incidentId}/comment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a comment to the timeline (member) */
        post: operations["incidents-comment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents/{incidentId}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Notify the next escalation level now (member) */
        post: operations["incidents-escalate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents/{incidentId}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reassign the incident and page the new assignees (member)
         * @description The people given replace the assignees (version + 1, a snooze ends); those new to it are paged through their notification rules. Giving the current assignees changes nothing.
         */
        post: operations["incidents-assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents/{incidentId}/snooze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Snooze an acknowledged incident: it returns to triggered after `minutes` (member)
         * @description When the time is up the incident returns to triggered (timeline `unsnoozed`) and escalation restarts from the first level. Any change before then (a status change, a reassignment, a new snooze) ends this snooze.
         */
        post: operations["incidents-snooze"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents/{incidentId}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery attempts for the incident's events, oldest first */
        get: operations["incidents-notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents/{incidentId}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident's tasks, oldest first */
        get: operations["incidents-tasks-list"];
        put?: never;
        /** Add a task, for a member or anyone (member) */
        post: operations["incidents-tasks-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents/{incidentId}/tasks/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, (re)assign, or mark a task done or open (member) */
        patch: operations["incidents-tasks-update"];
        trace?: never;
    };
    "/v1/incidents/{incidentId}/status-updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident's stakeholder status updates, newest first */
        get: operations["incidents-statusUpdates-list"];
        put?: never;
        /**
         * Post a status update for stakeholders (member)
         * @description Kept apart from comments, and delivered to the notification targets subscribed to the kind status_update (and those taking every kind). It does not change the incident's status.
         */
        post: operations["incidents-statusUpdates-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents/{incidentId}/postmortem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The resolved incident's postmortem, or a draft pre-filled from the incident (version 0)
         * @description Only a resolved incident has a postmortem: 409 CONFLICT before.
         */
        get: operations["incidents-postmortem-get"];
        /**
         * Save the postmortem, at the version you read (member)
         * @description A stale version is 409 VERSION_CONFLICT. Publishing (status published) goes on the incident's timeline. Only a resolved incident has a postmortem: 409 CONFLICT before.
         */
        put: operations["incidents-postmortem-put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents/{incidentId}/postmortem.md": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The postmortem as a Markdown document
         * @description Only a resolved incident has a postmortem: 409 CONFLICT before.
         */
        get: operations["incidents-postmortem-markdown"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/attachments/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The largest file an upload may be, to check before sending it */
        get: operations["incidents-attachments-limits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents/{incidentId}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident's attachments, oldest first */
        get: operations["incidents-attachments-list"];
        put?: never;
        /**
         * Attach a file to the incident (member)
         * @description multipart/form-data with the file in the field `file` (other fields are ignored), at most ATTACHMENT_MAX_BYTES (25 MB by default: 413 beyond, checked as the bytes arrive). The bytes go to object storage; the content type is sniffed from them, never taken from the upload; the name is kept without its path or control characters. Goes on the timeline (attachment_added).
         */
        post: operations["incidents-attachments-upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents/{incidentId}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an attachment's bytes
         * @description Answered as an attachment (Content-Disposition: attachment, with the file's name), with the sniffed Content-Type, X-Content-Type-Options: nosniff and a sandboxing Content-Security-Policy.
         */
        get: operations["incidents-attachments-download"];
        put?: never;
        post?: never;
        /** Delete an attachment and its bytes (its uploader, or an admin) */
        delete: operations["incidents-attachments-delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/incidents/{incidentId}/change-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Changes to the incident's service that happened while it was open, newest first */
        get: operations["incidents-changeEvents-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/services/{serviceId}/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service's integration keys, in full (admin) */
        get: operations["integrations-list"];
        put?: never;
        /** Create an integration key for alerts (admin) */
        post: operations["integrations-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/org/services/{serviceId}/integrations/{integrationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an integration key (admin) */
        delete: operations["integrations-delete"];
        options?: never;
        head?: never;
        /**
         * Change an integration key's settings (admin)
         * @description Fields left out stay as they are. `grouping` (Alertmanager and Grafana): `group` opens one incident per notification group, `alert` one per alert. `signingSecret` (Grafana HMAC) is write-only: reads show only `signingSecretSet`; null removes it. `mapping` (generic JSON webhook): JSON Pointers into the payload; null removes it.
         */
        patch: operations["integrations-update"];
        trace?: never;
    };
    "/v1/org/integrations/webhook-mapping-presets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ready mappings for the generic JSON webhook (Kibana, Datadog), with the payload to configure in each tool (admin) */
        get: operations["integrations-mappingPresets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your name or time zone (IANA, e.g. Europe/Berlin) */
        patch: operations["users-me-update"];
        trace?: never;
    };
    "/v1/users/me/oncall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your shifts: when you are on call, on every schedule (default: the next 28 days) */
        get: operations["users-me-oncall"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/calendar-feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your calendar feeds (without their secrets) */
        get: operations["users-me-calendarFeeds-list"];
        put?: never;
        /**
         * A secret iCalendar URL of your shifts (or of a whole schedule), shown once
         * @description Subscribe to `url` in any calendar app: GET /calendar/{token}.ics answers text/calendar with one event per shift of the next 90 days. The token is stored only as a hash; revoke it with DELETE.
         */
        post: operations["users-me-calendarFeeds-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/calendar-feeds/{feedId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a calendar feed: its URL stops working at once */
        delete: operations["users-me-calendarFeeds-delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which event kinds you are notified about */
        get: operations["users-me-notificationPreferences-get"];
        /** Choose the event kinds you are notified about */
        put: operations["users-me-notificationPreferences-update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/contact-methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How you can be paged: your contact methods */
        get: operations["users-me-contactMethods-list"];
        put?: never;
        /**
         * Add a contact method: email, Slack, webhook, SMS or voice
         * @description SMS and voice need the deployment's Twilio configuration (else 400 CHANNEL_NOT_CONFIGURED). A webhook's response alone carries its signing secret. Add a notification rule to be paged through it.
         */
        post: operations["users-me-contactMethods-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/contact-methods/{contactMethodId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a contact method and the rules using it
         * @description Not your account email, nor the contact method every one of your rules uses (409 CONFLICT).
         */
        delete: operations["users-me-contactMethods-delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/me/notification-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** When you are paged through which contact method */
        get: operations["users-me-notificationRules-get"];
        /** Set your notification rules: each sends to a contact method after its delay, unless the incident was acknowledged by then */
        put: operations["users-me-notificationRules-update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Security-relevant changes in the organisation, newest first (admin) */
        get: operations["auditLogs-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Write calls per UTC day over the last 30 days, and the daily quota (admin) */
        get: operations["usage-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/live/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A ticket that opens one live incident stream, within 30 s
         * @description EventSource sends no headers, so a stream's credential is in its URL, where proxies log it: there it is this ticket, never an access token. Open `/trpc/live.incidents` with tRPC's connectionParams `{ "ticket": "..." }`; a ticket opens one stream, once, and is stored only as a hash. A person's stream ends when the access token they asked with expires. Read-only API keys may ask too; it is no write call.
         */
        post: operations["live-tickets-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * MTTA, MTTR, escalations and SLA attainment, grouped
         * @description Incidents first triggered in [since, until) (at most 366 days), per group and in total: counts, MTTA (first trigger to first acknowledgement) and MTTR (to resolution) as mean and continuous percentiles in seconds, escalations by timeout and by hand, and the share of SLA targets met. Computed in PostgreSQL.
         */
        get: operations["analytics-incidents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/incidents.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The groups of GET /analytics/incidents as CSV
         * @description One line per group, a header line first; durations in seconds, empty cells where there is no value.
         */
        get: operations["analytics-incidentsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/responders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per person: pages received, incidents acknowledged, and interruptions by hour band in their own time zone */
        get: operations["analytics-responders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oncalls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is on call at an instant (default now): through each schedule, and on each escalation policy's levels */
        get: operations["oncalls-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Web app: log in (refresh token set as a cookie)
         * @description For the web app, which never holds the refresh token in JavaScript: the refresh token travels only in the `incidentops_refresh` cookie (httpOnly, SameSite=Strict, Secure in production, Path=/v1/auth/session), set by the answers that sign in and rotated by each refresh; the answer carries the access token. Every call must send `x-incidentops-csrf: 1` and, from a browser, come from the app's own origin (403 FORBIDDEN otherwise). Other clients use the bearer routes (/v1/auth/login, /refresh, ...).
         */
        post: operations["session-login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Web app: create an account and its organisation
         * @description For the web app, which never holds the refresh token in JavaScript: the refresh token travels only in the `incidentops_refresh` cookie (httpOnly, SameSite=Strict, Secure in production, Path=/v1/auth/session), set by the answers that sign in and rotated by each refresh; the answer carries the access token. Every call must send `x-incidentops-csrf: 1` and, from a browser, come from the app's own origin (403 FORBIDDEN otherwise). Other clients use the bearer routes (/v1/auth/login, /refresh, ...).
         */
        post: operations["session-register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session/accept-invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Web app: accept an invitation
         * @description For the web app, which never holds the refresh token in JavaScript: the refresh token travels only in the `incidentops_refresh` cookie (httpOnly, SameSite=Strict, Secure in production, Path=/v1/auth/session), set by the answers that sign in and rotated by each refresh; the answer carries the access token. Every call must send `x-incidentops-csrf: 1` and, from a browser, come from the app's own origin (403 FORBIDDEN otherwise). Other clients use the bearer routes (/v1/auth/login, /refresh, ...).
         */
        post: operations["session-acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Web app: renew the access token (rotates the cookie)
         * @description For the web app, which never holds the refresh token in JavaScript: the refresh token travels only in the `incidentops_refresh` cookie (httpOnly, SameSite=Strict, Secure in production, Path=/v1/auth/session), set by the answers that sign in and rotated by each refresh; the answer carries the access token. Every call must send `x-incidentops-csrf: 1` and, from a browser, come from the app's own origin (403 FORBIDDEN otherwise). Other clients use the bearer routes (/v1/auth/login, /refresh, ...).
         */
        post: operations["session-refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session/switch-org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Web app: move the session to another organisation
         * @description For the web app, which never holds the refresh token in JavaScript: the refresh token travels only in the `incidentops_refresh` cookie (httpOnly, SameSite=Strict, Secure in production, Path=/v1/auth/session), set by the answers that sign in and rotated by each refresh; the answer carries the access token. Every call must send `x-incidentops-csrf: 1` and, from a browser, come from the app's own origin (403 FORBIDDEN otherwise). Other clients use the bearer routes (/v1/auth/login, /refresh, ...).
         */
        post: operations["session-switchOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Web app: change the password, keeping this session
         * @description For the web app, which never holds the refresh token in JavaScript: the refresh token travels only in the `incidentops_refresh` cookie (httpOnly, SameSite=Strict, Secure in production, Path=/v1/auth/session), set by the answers that sign in and rotated by each refresh; the answer carries the access token. Every call must send `x-incidentops-csrf: 1` and, from a browser, come from the app's own origin (403 FORBIDDEN otherwise). Other clients use the bearer routes (/v1/auth/login, /refresh, ...).
         */
        post: operations["session-changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Web app: end the session and clear the cookie
         * @description For the web app, which never holds the refresh token in JavaScript: the refresh token travels only in the `incidentops_refresh` cookie (httpOnly, SameSite=Strict, Secure in production, Path=/v1/auth/session), set by the answers that sign in and rotated by each refresh; the answer carries the access token. Every call must send `x-incidentops-csrf: 1` and, from a browser, come from the app's own origin (403 FORBIDDEN otherwise). Other clients use the bearer routes (/v1/auth/login, /refresh, ...).
         */
        post: operations["session-logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/enqueue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a PagerDuty Events v2 event (trigger, acknowledge, resolve)
         * @description PagerDuty Events API v2: point any Events v2 client here unchanged. The routing key (an integration key of a service) authenticates the event and names the service; an unknown one is PagerDuty's 400 `Invalid routing key`. Answers are PagerDuty's, not the API's error body. Each routing key takes a limited number of events per minute (429 with Retry-After over it).
         */
        post: operations["alerts-pagerduty-enqueue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a PagerDuty Events v2 event (the same as POST /v2/enqueue)
         * @description PagerDuty Events API v2: point any Events v2 client here unchanged. The routing key (an integration key of a service) authenticates the event and names the service; an unknown one is PagerDuty's 400 `Invalid routing key`. Answers are PagerDuty's, not the API's error body. Each routing key takes a limited number of events per minute (429 with Retry-After over it).
         */
        post: operations["alerts-pagerduty-events"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/change/enqueue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a PagerDuty change event (a deploy, a config push)
         * @description PagerDuty Events API v2: point any Events v2 client here unchanged. The routing key (an integration key of a service) authenticates the event and names the service; an unknown one is PagerDuty's 400 `Invalid routing key`. Answers are PagerDuty's, not the API's error body. Each routing key takes a limited number of events per minute (429 with Retry-After over it). A change event opens no incident and pages nobody: it is listed on its service (GET /v1/org/services/{serviceId}/change-events) and on the incidents open when it happened (GET /v1/incidents/{incidentId}/change-events).
         */
        post: operations["alerts-pagerduty-change"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/generic/2010-04-15/create_event.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a legacy PagerDuty Events API v1 event
         * @description PagerDuty's legacy Events API v1, for old senders: `service_key` is an integration key of a service, `incident_key` de-duplicates like `dedup_key`, `event_type` is trigger, acknowledge or resolve (a trigger needs `description`). v1 has no severity: triggers open sev2 (error) incidents. Answers are PagerDuty's v1 ones: 200 on success, 400 for an invalid event or unknown key, 403 over the key's per-minute limit.
         */
        post: operations["alerts-pagerduty-v1"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an alert (Opsgenie Alert API)
         * @description Opsgenie's Alert API: point an Opsgenie sender (an API integration, Alertmanager's opsgenie_configs, an SDK) here by changing its base URL and its key. `Authorization: GenieKey <key>` takes an integration key (routing key) of a service; an unknown one is Opsgenie's 401. Answers are Opsgenie's, not the API's error body. Each request counts once against the key's per-minute limit (429 with Retry-After over it). A request acts only on the incidents of its key's service. `alias` de-duplicates like PagerDuty's dedup_key (an alert with the alias of an open incident counts on it); without one, the alert gets a unique alias. Priority P1-P3 is sev1-sev3, P4 and P5 sev4. Maintenance windows hold as for every source.
         */
        post: operations["alerts-opsgenie-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/alerts/{identifier}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Acknowledge an alert (Opsgenie Alert API)
         * @description Opsgenie's Alert API: point an Opsgenie sender (an API integration, Alertmanager's opsgenie_configs, an SDK) here by changing its base URL and its key. `Authorization: GenieKey <key>` takes an integration key (routing key) of a service; an unknown one is Opsgenie's 401. Answers are Opsgenie's, not the API's error body. Each request counts once against the key's per-minute limit (429 with Retry-After over it). A request acts only on the incidents of its key's service. An alert that does not exist is no refusal: the request is accepted (202) and its status (GET /v2/alerts/requests/{requestId}) says `isSuccess: false`, `Alert does not exist`.
         */
        post: operations["alerts-opsgenie-acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/alerts/{identifier}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close an alert: its incident is resolved (Opsgenie Alert API)
         * @description Opsgenie's Alert API: point an Opsgenie sender (an API integration, Alertmanager's opsgenie_configs, an SDK) here by changing its base URL and its key. `Authorization: GenieKey <key>` takes an integration key (routing key) of a service; an unknown one is Opsgenie's 401. Answers are Opsgenie's, not the API's error body. Each request counts once against the key's per-minute limit (429 with Retry-After over it). A request acts only on the incidents of its key's service. An alert that does not exist is no refusal: the request is accepted (202) and its status (GET /v2/alerts/requests/{requestId}) says `isSuccess: false`, `Alert does not exist`.
         */
        post: operations["alerts-opsgenie-close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/alerts/{identifier}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a note to an alert: a comment on its incident's timeline (Opsgenie Alert API)
         * @description Opsgenie's Alert API: point an Opsgenie sender (an API integration, Alertmanager's opsgenie_configs, an SDK) here by changing its base URL and its key. `Authorization: GenieKey <key>` takes an integration key (routing key) of a service; an unknown one is Opsgenie's 401. Answers are Opsgenie's, not the API's error body. Each request counts once against the key's per-minute limit (429 with Retry-After over it). A request acts only on the incidents of its key's service. An alert that does not exist is no refusal: the request is accepted (202) and its status (GET /v2/alerts/requests/{requestId}) says `isSuccess: false`, `Alert does not exist`.
         */
        post: operations["alerts-opsgenie-notes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/alerts/requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the status of an Opsgenie request
         * @description What an accepted request did, for 7 days, to the key that sent it (another key's request is 404). Opsgenie's Alert API: point an Opsgenie sender (an API integration, Alertmanager's opsgenie_configs, an SDK) here by changing its base URL and its key. `Authorization: GenieKey <key>` takes an integration key (routing key) of a service; an unknown one is Opsgenie's 401. Answers are Opsgenie's, not the API's error body. Each request counts once against the key's per-minute limit (429 with Retry-After over it). A request acts only on the incidents of its key's service.
         */
        get: operations["alerts-opsgenie-request"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/integrations/alertmanager/{routingKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a Prometheus Alertmanager webhook notification
         * @description Set this URL as an Alertmanager webhook_config (version 4 payload). The routing key in the path authenticates the notification. With the integration's `grouping` `group` (the default), the notification is one event keyed by its `groupKey`: a firing group opens (or counts on) one incident listing its alerts (new ones noted on the timeline), and the group's `resolved` resolves it. With `alert`, each alert is one event keyed by its fingerprint: `firing` opens (or counts on) an incident, `resolved` resolves it. Every alert counts against the key's per-minute limit (429 with Retry-After over it); during a maintenance window triggers are `suppressed`.
         */
        post: operations["alerts-alertmanager"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/integrations/grafana/{routingKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a Grafana Alerting webhook contact point notification
         * @description Set this URL as a Grafana Alerting contact point of type Webhook (POST). The routing key in the path authenticates the notification. With the integration's `grouping` `group` (the default), the notification is one event keyed by its `groupKey`: a firing group opens (or counts on) one incident listing its alerts (new ones noted on the timeline), and the group's `resolved` resolves it. With `alert`, each alert is one event keyed by its fingerprint: `firing` opens (or counts on) an incident, `resolved` resolves it. Every alert counts against the key's per-minute limit (429 with Retry-After over it); during a maintenance window triggers are `suppressed`. When the integration has a `signingSecret`, set the same secret in the contact point's HMAC Signature settings (Header: X-Grafana-Alerting-Signature, Timestamp Header: X-Grafana-Alerting-Signature-Timestamp): the request must carry the hex HMAC-SHA256 of `timestamp:body` (of the body alone without the timestamp header), and a timestamp within 5 minutes; otherwise 401 INVALID_SIGNATURE (details.reason: missing, mismatch or stale_timestamp), changing nothing.
         */
        post: operations["alerts-grafana"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/integrations/webhook/{routingKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a generic JSON webhook (Kibana, Datadog, scripts)
         * @description For tools without a fixed payload: any JSON object, read by the integration's `mapping` (JSON Pointers, RFC 6901; set it with PATCH /v1/org/services/{serviceId}/integrations/{integrationId}; ready ones at GET /v1/org/integrations/webhook-mapping-presets). `dedupKey` de-duplicates like PagerDuty's dedup_key, `title` names the incident (required for a trigger), `severity` maps values to sev1-sev4, `action` maps values to trigger / resolve / acknowledge (without it every request triggers). A payload the mapping cannot read is 400 UNMAPPED_PAYLOAD naming the field and its pointer; so is any payload while the integration has no mapping. Each request counts once against the key's per-minute limit (429 with Retry-After over it); during a maintenance window triggers are `suppressed`.
         */
        post: operations["alerts-webhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/heartbeats/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ping a heartbeat monitor (the same as POST)
         * @description The ping URL of a heartbeat (POST /v1/org/services/{serviceId}/heartbeats): the token in the path is the credential, any body is ignored. Each ping moves the heartbeat's deadline to an interval from now; a ping after a miss resolves the incident the miss opened. An unknown token is 404; each heartbeat takes as many pings per minute as a routing key takes alerts (429 with Retry-After over it).
         */
        get: operations["heartbeats-ping-get"];
        put?: never;
        /**
         * Ping a heartbeat monitor
         * @description The ping URL of a heartbeat (POST /v1/org/services/{serviceId}/heartbeats): the token in the path is the credential, any body is ignored. Each ping moves the heartbeat's deadline to an interval from now; a ping after a miss resolves the incident the miss opened. An unknown token is 404; each heartbeat takes as many pings per minute as a routing key takes alerts (429 with Retry-After over it).
         */
        post: operations["heartbeats-ping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/{token}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A calendar feed: your shifts (or a schedule's) over the next 90 days, as iCalendar
         * @description The secret URL from POST /v1/users/me/calendar-feeds, for any calendar app: the token in the path is the credential (no other). One VEVENT per shift, times in UTC. A revoked or unknown token, or one whose person has left the organisation, is 404.
         */
        get: operations["calendar-feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["health-live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers, its migrations are current and the replica is not shutting down */
        get: operations["health-ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: operations["meta-openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        PagerDutyEvent: {
            routing_key: string;
            /** @enum {string} */
            event_action: "trigger" | "acknowledge" | "resolve";
            dedup_key?: string;
            payload?: {
                summary: string;
                source: string;
                /** @enum {string} */
                severity: "critical" | "error" | "warning" | "info";
                /** @description When the sending tool saw it (ISO 8601 in any form, RFC 2822). Never a reason to refuse the event: one that cannot be read is kept raw and noted */
                timestamp?: unknown;
                component?: string;
                group?: string;
                class?: string;
                custom_details?: unknown;
            };
            links?: {
                href: string;
                text?: string;
            }[];
            images?: {
                src: string;
                href?: string;
                alt?: string;
            }[];
            client?: string;
            client_url?: string;
        };
        PagerDutyChangeEvent: {
            routing_key: string;
            payload: {
                summary: string;
                /** @description When the sending tool saw it (ISO 8601 in any form, RFC 2822). Never a reason to refuse the event: one that cannot be read is kept raw and noted */
                timestamp?: unknown;
                source?: string;
                custom_details?: unknown;
            };
            links?: {
                href: string;
                text?: string;
            }[];
        };
        PagerDutyV1Event: {
            service_key: string;
            /** @enum {string} */
            event_type: "trigger" | "acknowledge" | "resolve";
            incident_key?: string;
            description?: string;
            details?: unknown;
            client?: string;
            client_url?: string;
            contexts?: unknown[];
        };
        OpsgenieCreateAlert: {
            /** @description The incident's title (Opsgenie keeps the first 130 characters: so does this API) */
            message: string;
            /** @description De-duplicates like PagerDuty's dedup_key: an alert with the alias of an open incident counts on it. Without one, the alert gets a unique alias */
            alias?: string;
            description?: string;
            /** @description Accepted, not used: the service's escalation policy decides who is paged */
            responders?: unknown[];
            /** @description Accepted, not used */
            visibleTo?: unknown[];
            /** @description Accepted, not used */
            actions?: unknown[];
            tags?: string[];
            /** @description Custom properties: values of any JSON type are kept as sent */
            details?: {
                [key: string]: unknown;
            };
            entity?: string;
            source?: string;
            /**
             * @description P1 -> sev1, P2 -> sev2, P3 -> sev3, P4 and P5 -> sev4
             * @default P3
             * @enum {string}
             */
            priority: "P1" | "P2" | "P3" | "P4" | "P5";
            user?: string;
            note?: string;
        };
        AlertmanagerPayload: {
            /** @constant */
            version: "4";
            groupKey: string;
            /** @enum {string} */
            status: "firing" | "resolved";
            receiver?: string;
            groupLabels?: {
                [key: string]: string;
            };
            commonLabels?: {
                [key: string]: string;
            };
            commonAnnotations?: {
                [key: string]: string;
            };
            externalURL?: string;
            alerts: {
                /** @enum {string} */
                status: "firing" | "resolved";
                labels: {
                    [key: string]: string;
                };
                /** @default {} */
                annotations: {
                    [key: string]: string;
                };
                startsAt?: string;
                endsAt?: string;
                generatorURL?: string;
                fingerprint?: string;
            }[];
        };
        GrafanaPayload: {
            groupKey: string;
            /** @enum {string} */
            status: "firing" | "resolved";
            receiver?: string;
            groupLabels?: {
                [key: string]: string;
            };
            commonLabels?: {
                [key: string]: string;
            };
            commonAnnotations?: {
                [key: string]: string;
            };
            externalURL?: string;
            /** @description "1" */
            version?: string;
            orgId?: number;
            title?: string;
            /** @description alerting or ok */
            state?: string;
            message?: string;
            truncatedAlerts?: number;
            alerts: {
                /** @enum {string} */
                status: "firing" | "resolved";
                labels: {
                    [key: string]: string;
                };
                /** @default {} */
                annotations: {
                    [key: string]: string;
                };
                startsAt?: string;
                endsAt?: string;
                generatorURL?: string;
                fingerprint?: string;
                silenceURL?: string;
                dashboardURL?: string;
                panelURL?: string;
                imageURL?: string;
                values?: {
                    [key: string]: number | null;
                } | null;
                valueString?: string;
            }[];
        };
        PagerDutyAccepted: {
            /** @constant */
            status: "success";
            message: string;
            /** @description The event's dedup key: the one sent, or the one generated for a trigger without one */
            dedup_key: string;
        };
        PagerDutyError: {
            /** @enum {string} */
            status: "invalid event" | "throttle event" | "error";
            message: string;
            errors: string[];
        };
        PagerDutyChangeAccepted: {
            /** @constant */
            status: "success";
            message: string;
        };
        PagerDutyV1Accepted: {
            /** @constant */
            status: "success";
            message: string;
            /** @description The incident key: the one sent, or the one generated for a trigger without one */
            incident_key: string;
        };
        OpsgenieAccepted: {
            /** @constant */
            result: "Request will be processed";
            /** @description Seconds the request took here */
            took: number;
            /**
             * Format: uuid
             * @description The request's id: its outcome is at GET /v2/alerts/requests/{requestId}
             */
            requestId: string;
        };
        OpsgenieRequestStatus: {
            data: {
                success: boolean;
                /** @enum {string} */
                action: "Create" | "Acknowledge" | "Close" | "AddNote";
                /** @description ISO 8601 */
                processedAt: string;
                /**
                 * Format: uuid
                 * @description The integration (routing key) the request came with
                 */
                integrationId: string;
                isSuccess: boolean;
                /** @description What happened: "Created alert", "Closed alert", "Alert does not exist", ... */
                status: string;
                /**
                 * Format: uuid
                 * @description The incident the request acted on (absent when there is none)
                 */
                alertId?: string;
                alias?: string;
                /** @description The incident's tiny id (identifierType=tiny); not in Opsgenie's answer */
                tinyId?: string;
            };
            /** @description Seconds the request took here */
            took: number;
            /**
             * Format: uuid
             * @description This status request's own id
             */
            requestId: string;
        };
        OpsgenieError: {
            message: string;
            errors?: {
                [key: string]: string;
            };
            /** @description Seconds the request took here */
            took: number;
            /** Format: uuid */
            requestId: string;
        };
        AlertmanagerAccepted: {
            /** @constant */
            status: "success";
            /**
             * @description The integration's grouping: with `group`, one entry for the whole group
             * @enum {string}
             */
            grouping: "group" | "alert";
            alerts: {
                /** @description The alert's fingerprint (or a hash of its group and labels), or with grouping `group` the group's key: its dedup key */
                fingerprint: string;
                dedupKey: string;
                /**
                 * @description suppressed: a maintenance window holds on the service (recorded there, no incident)
                 * @enum {string}
                 */
                outcome: "created" | "deduplicated" | "acknowledged" | "resolved" | "ignored" | "suppressed";
                incidentId: string | null;
            }[];
        };
        WebhookAccepted: {
            /** @constant */
            status: "success";
            /** @description The mapped dedup key (or a new one for a trigger without it) */
            dedupKey: string;
            /**
             * @description suppressed: a maintenance window holds on the service (recorded there, no incident)
             * @enum {string}
             */
            outcome: "created" | "deduplicated" | "acknowledged" | "resolved" | "ignored" | "suppressed";
            incidentId: string | null;
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        Ready: {
            /** @constant */
            status: "ok";
            /** @constant */
            database: "ok";
            /** @constant */
            migrations: "current";
        };
        NotReady: {
            /** @constant */
            status: "unavailable";
            /** @enum {string} */
            database?: "ok" | "unreachable";
            /**
             * @description This replica is shutting down: send traffic to another
             * @constant
             */
            shuttingDown?: true;
            migrations?: {
                /** @description Migration versions not applied yet */
                pending: string[];
            };
        };
        ValidationFailedError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "VALIDATION_FAILED";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                /** @description Messages by field path, e.g. { "config.url": ["Invalid URL"] } */
                fields: {
                    [key: string]: string[];
                };
            };
        };
        MalformedJsonError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "MALFORMED_JSON";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: Record<string, never>;
        };
        InvalidTokenError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "INVALID_TOKEN";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: Record<string, never>;
        };
        InvalidIdempotencyKeyError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "INVALID_IDEMPOTENCY_KEY";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                /**
                 * @description A key that is not 1-255 visible ASCII characters, one sent to an operation whose answer holds a secret shown once, or one sent with a tRPC batch of several calls
                 * @enum {string}
                 */
                reason: "malformed" | "secret_answer" | "batch";
            };
        };
        ChannelNotConfiguredError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "CHANNEL_NOT_CONFIGURED";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                /**
                 * @description The contact method type this deployment cannot send
                 * @enum {string}
                 */
                type: "sms" | "voice";
                /** @description The environment variables an operator sets to enable it */
                variables: string[];
            };
        };
        UnmappedPayloadError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "UNMAPPED_PAYLOAD";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                /**
                 * @description The part of the integration's mapping that could not be read (absent: the integration has no mapping)
                 * @enum {string}
                 */
                field?: "dedupKey" | "title" | "action";
                /** @description Its JSON Pointer */
                pointer?: string;
            };
        };
        UnauthorizedError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "UNAUTHORIZED";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                /** @constant */
                reason?: "refresh_token_reused";
            };
        };
        InvalidSignatureError: {
            /** @constant */
            code: "INVALID_SIGNATURE";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                /**
                 * @description No signature header, a signature that does not match, or a timestamp more than 5 minutes off
                 * @enum {string}
                 */
                reason: "missing" | "mismatch" | "stale_timestamp";
            };
        };
        InvalidCredentialsError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "INVALID_CREDENTIALS";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                /** @description Messages by field path, e.g. { "config.url": ["Invalid URL"] } */
                fields?: {
                    [key: string]: string[];
                };
            };
        };
        ForbiddenError: {
            /** @constant */
            code: "FORBIDDEN";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                action?: string;
                /** @enum {string} */
                requiredRole?: "viewer" | "member" | "admin";
                /**
                 * @description Set when a manager of the team owning the resource may also do it
                 * @constant
                 */
                requiredTeamRole?: "manager";
            };
        };
        NotFoundError: {
            /** @constant */
            code: "NOT_FOUND";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: Record<string, never>;
        };
        ConflictError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "CONFLICT";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            /** @description What conflicts, e.g. fields, or the services still using a policy */
            details: {
                [key: string]: unknown;
            };
        };
        EmailTakenError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "EMAIL_TAKEN";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                /** @description Messages by field path, e.g. { "config.url": ["Invalid URL"] } */
                fields: {
                    [key: string]: string[];
                };
            };
        };
        VersionConflictError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "VERSION_CONFLICT";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                currentVersion: number;
                /** @enum {string} */
                currentStatus: "triggered" | "acknowledged" | "mitigated" | "resolved";
            };
        };
        InvalidTransitionError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "INVALID_TRANSITION";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                /** @enum {string} */
                fromStatus: "triggered" | "acknowledged" | "mitigated" | "resolved";
                /** @enum {string} */
                toStatus: "triggered" | "acknowledged" | "mitigated" | "resolved";
            } | {
                /** @enum {string} */
                status: "triggered" | "acknowledged" | "mitigated" | "resolved";
            };
        };
        LastAdminError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "LAST_ADMIN";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: Record<string, never>;
        };
        ReferencedByPoliciesError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "REFERENCED_BY_POLICIES";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                /** @description The escalation policies whose levels page it */
                policies: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                }[];
            };
        };
        SoleResponderError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "SOLE_RESPONDER";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                /** @description Levels that page no one else (them, or a team only they are in with the role it pages): give each someone else first */
                escalationLevels: {
                    /** Format: uuid */
                    policyId: string;
                    policyName: string;
                    /** @description 1-based */
                    level: number;
                }[];
                /** @description Rotations (not yet ended) with no one else in them: add someone first */
                scheduleLayers: {
                    /** Format: uuid */
                    scheduleId: string;
                    scheduleName: string;
                    /** Format: uuid */
                    layerId: string;
                    layerName: string;
                }[];
            };
        };
        ConcurrentChangeError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "CONCURRENT_CHANGE";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                /** @description Also sent as the Retry-After header */
                retryAfterSeconds: number;
            };
        };
        PayloadTooLargeError: {
            /** @constant */
            code: "PAYLOAD_TOO_LARGE";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                limitBytes?: number;
            };
        };
        UnsupportedMediaTypeError: {
            /** @constant */
            code: "UNSUPPORTED_MEDIA_TYPE";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: Record<string, never>;
        };
        IdempotencyKeyReusedError: {
            /** @constant */
            code: "IDEMPOTENCY_KEY_REUSED";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: Record<string, never>;
        };
        RateLimitedError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "RATE_LIMITED";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                /** @description Also sent as the Retry-After header */
                retryAfterSeconds: number;
                limit?: number;
                windowSeconds?: number;
            };
        };
        LoginLockedError: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            code: "LOGIN_LOCKED";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                /** @description Also sent as the Retry-After header */
                retryAfterSeconds: number;
            };
        };
        QuotaExceededError: {
            /** @constant */
            code: "QUOTA_EXCEEDED";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                quota: number;
                /** @description Also sent as the Retry-After header */
                retryAfterSeconds: number;
            };
        };
        InternalErrorError: {
            /** @constant */
            code: "INTERNAL_ERROR";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: Record<string, never>;
        };
        ServiceUnavailableError: {
            /** @constant */
            code: "SERVICE_UNAVAILABLE";
            /** @description For people; may change */
            message: string;
            /** @description The request id (x-request-id): quote it in support requests */
            traceId: string;
            details: {
                /** @description Also sent as the Retry-After header */
                retryAfterSeconds: number;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "auth-register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @description 8 to 256 characters, not only whitespace, not the account's email */
                    password: string;
                    name: string;
                    orgName: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description access token lifetime in seconds */
                        expiresIn: number;
                        user: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                            /** @description IANA time zone: shifts, reminders and off-hours are read on it */
                            timeZone: string;
                            /** @description How long before each on-call shift you are reminded of it (null: no reminder) */
                            handoffReminderMinutes: number | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                        org: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            role: "viewer" | "member" | "admin";
                        };
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); EMAIL_TAKEN: an account with this email exists; CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["EmailTakenError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "auth-login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                    /** Format: uuid */
                    orgId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description access token lifetime in seconds */
                        expiresIn: number;
                        user: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                            /** @description IANA time zone: shifts, reminders and off-hours are read on it */
                            timeZone: string;
                            /** @description How long before each on-call shift you are reminded of it (null: no reminder) */
                            handoffReminderMinutes: number | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                        org: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            role: "viewer" | "member" | "admin";
                        };
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"];
                };
            };
            /** @description INVALID_CREDENTIALS: the email or password is wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvalidCredentialsError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After); LOGIN_LOCKED: too many failed logins for this account (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"] | components["schemas"]["LoginLockedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "auth-refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description access token lifetime in seconds */
                        expiresIn: number;
                        user: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                            /** @description IANA time zone: shifts, reminders and off-hours are read on it */
                            timeZone: string;
                            /** @description How long before each on-call shift you are reminded of it (null: no reminder) */
                            handoffReminderMinutes: number | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                        org: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            role: "viewer" | "member" | "admin";
                        };
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "auth-switchOrg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                    /** Format: uuid */
                    orgId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description access token lifetime in seconds */
                        expiresIn: number;
                        user: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                            /** @description IANA time zone: shifts, reminders and off-hours are read on it */
                            timeZone: string;
                            /** @description How long before each on-call shift you are reminded of it (null: no reminder) */
                            handoffReminderMinutes: number | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                        org: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            role: "viewer" | "member" | "admin";
                        };
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "auth-logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "auth-forgotPassword": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "auth-resetPassword": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    /** @description 8 to 256 characters, not only whitespace, not the account's email */
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_TOKEN: the single-use token is invalid, expired or already used */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidTokenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "auth-changePassword": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    /** @description 8 to 256 characters, not only whitespace, not the account's email */
                    newPassword: string;
                    /** @description This session's refresh token, to keep it */
                    refreshToken?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership); INVALID_CREDENTIALS: the email or password is wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"] | components["schemas"]["InvalidCredentialsError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "auth-acceptInvitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    /** @description Required when no account exists for the invited email */
                    name?: string;
                    /** @description 8 to 256 characters, not only whitespace, not the account's email */
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        refreshToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description access token lifetime in seconds */
                        expiresIn: number;
                        user: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                            /** @description IANA time zone: shifts, reminders and off-hours are read on it */
                            timeZone: string;
                            /** @description How long before each on-call shift you are reminded of it (null: no reminder) */
                            handoffReminderMinutes: number | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                        org: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            role: "viewer" | "member" | "admin";
                        };
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_TOKEN: the single-use token is invalid, expired or already used */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidTokenError"];
                };
            };
            /** @description INVALID_CREDENTIALS: the email or password is wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvalidCredentialsError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); EMAIL_TAKEN: an account with this email exists; CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["EmailTakenError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "auth-me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                            /** @description IANA time zone: shifts, reminders and off-hours are read on it */
                            timeZone: string;
                            /** @description How long before each on-call shift you are reminded of it (null: no reminder) */
                            handoffReminderMinutes: number | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                        org: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            role: "viewer" | "member" | "admin";
                        };
                        memberships: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            role: "viewer" | "member" | "admin";
                        }[];
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** @enum {string} */
                        role: "viewer" | "member" | "admin";
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** @enum {string} */
                        role: "viewer" | "member" | "admin";
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-members-list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
                teamId?: string;
                q?: string;
                role?: "viewer" | "member" | "admin";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            user: {
                                /** Format: uuid */
                                id: string;
                                /** Format: email */
                                email: string;
                                name: string;
                            };
                            /** @enum {string} */
                            role: "viewer" | "member" | "admin";
                            /** Format: date-time */
                            joinedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-members-remove": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 5b0f6f64-1c2e-4f3a-9d7b-2a8c4e6f1a02 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                        changes: {
                            escalationPolicies: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @description The 1-based levels that named them */
                                levels: number[];
                            }[];
                            schedules: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @description The rotations they took turns in */
                                layers: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                }[];
                                /** @description Their overrides on it, past ones included */
                                overrides: number;
                            }[];
                            teams: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @enum {string} */
                                role: "manager" | "member";
                            }[];
                            /** @description Open incidents assigned to them (they are unassigned) */
                            incidents: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                /** @enum {string} */
                                status: "triggered" | "acknowledged" | "mitigated" | "resolved";
                            }[];
                            /** @description Incident tasks assigned to them and not done (they are unassigned) */
                            tasks: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                incidentId: string;
                                title: string;
                            }[];
                        };
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); LAST_ADMIN: the organisation's last admin cannot be demoted or removed; SOLE_RESPONDER: removing the member would leave an escalation level or a rotation with no one in it: add someone else there first; CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["LastAdminError"] | components["schemas"]["SoleResponderError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-members-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 5b0f6f64-1c2e-4f3a-9d7b-2a8c4e6f1a02 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role: "viewer" | "member" | "admin";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                        };
                        /** @enum {string} */
                        role: "viewer" | "member" | "admin";
                        /** Format: date-time */
                        joinedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); LAST_ADMIN: the organisation's last admin cannot be demoted or removed; CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["LastAdminError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-members-notificationPreferences": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 5b0f6f64-1c2e-4f3a-9d7b-2a8c4e6f1a02 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The event kinds you want to be told about */
                        eventKinds: ("triggered" | "acknowledged" | "mitigated" | "resolved" | "escalated" | "commented" | "severity_changed" | "updated" | "sla_at_risk" | "sla_breached" | "status_update")[];
                        updatedAt: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-members-removal": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 5b0f6f64-1c2e-4f3a-9d7b-2a8c4e6f1a02 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changes: {
                            escalationPolicies: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @description The 1-based levels that named them */
                                levels: number[];
                            }[];
                            schedules: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @description The rotations they took turns in */
                                layers: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                }[];
                                /** @description Their overrides on it, past ones included */
                                overrides: number;
                            }[];
                            teams: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @enum {string} */
                                role: "manager" | "member";
                            }[];
                            /** @description Open incidents assigned to them (they are unassigned) */
                            incidents: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                /** @enum {string} */
                                status: "triggered" | "acknowledged" | "mitigated" | "resolved";
                            }[];
                            /** @description Incident tasks assigned to them and not done (they are unassigned) */
                            tasks: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                incidentId: string;
                                title: string;
                            }[];
                        };
                        blockers: {
                            /** @description Levels that page no one else (them, or a team only they are in with the role it pages): give each someone else first */
                            escalationLevels: {
                                /** Format: uuid */
                                policyId: string;
                                policyName: string;
                                /** @description 1-based */
                                level: number;
                            }[];
                            /** @description Rotations (not yet ended) with no one else in them: add someone first */
                            scheduleLayers: {
                                /** Format: uuid */
                                scheduleId: string;
                                scheduleName: string;
                                /** Format: uuid */
                                layerId: string;
                                layerName: string;
                            }[];
                        };
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-people-list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
                teamId?: string;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-invitations-list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
                /** @example pending */
                status?: "pending" | "accepted" | "revoked" | "expired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            /** @enum {string} */
                            role: "viewer" | "member" | "admin";
                            /** @enum {string} */
                            status: "pending" | "accepted" | "revoked" | "expired";
                            /** @description The admin who sent it (null once that user is deleted) */
                            invitedBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            acceptedAt: string | null;
                            acceptedBy: string | null;
                            revokedAt: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-invitations-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @enum {string} */
                    role: "viewer" | "member" | "admin";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: email */
                        email: string;
                        /** @enum {string} */
                        role: "viewer" | "member" | "admin";
                        /** @enum {string} */
                        status: "pending" | "accepted" | "revoked" | "expired";
                        /** @description The admin who sent it (null once that user is deleted) */
                        invitedBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        expiresAt: string;
                        acceptedAt: string | null;
                        acceptedBy: string | null;
                        revokedAt: string | null;
                        /** @description The single-use invitation token (ioi_...), also emailed to the invitee; shown only here */
                        token: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-invitations-revoke": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example e3f4a5b6-c7d8-4e9f-8a0b-1c2d3e4f5a01 */
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: email */
                        email: string;
                        /** @enum {string} */
                        role: "viewer" | "member" | "admin";
                        /** @enum {string} */
                        status: "pending" | "accepted" | "revoked" | "expired";
                        /** @description The admin who sent it (null once that user is deleted) */
                        invitedBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        expiresAt: string;
                        acceptedAt: string | null;
                        acceptedBy: string | null;
                        revokedAt: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string | null;
                            escalationPolicyId: string | null;
                            /** @description An acknowledged incident neither mitigated nor resolved within it returns to triggered; null: never */
                            ackTimeoutMinutes: number | null;
                            /** @description The least severe incident its escalation policy pages for (sev2: sev1 and sev2). A less severe one opens, notifies the targets subscribed to it and shows on the timeline, but pages no one until its severity is raised to this or someone escalates it by hand; lowered below it, its escalation stops. null: every severity */
                            pageMinSeverity: ("sev1" | "sev2" | "sev3" | "sev4") | null;
                            /** @description The team that owns it; its incidents are the team's */
                            teamId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    /** @description Minutes an acknowledgement holds before the incident returns to triggered and escalation restarts; null: forever */
                    ackTimeoutMinutes?: number | null;
                    /**
                     * @description The least severe incident its escalation policy pages for (sev2: sev1 and sev2). A less severe one opens, notifies the targets subscribed to it and shows on the timeline, but pages no one until its severity is raised to this or someone escalates it by hand; lowered below it, its escalation stops. null: every severity
                     * @enum {string}
                     */
                    pageMinSeverity?: "sev1" | "sev2" | "sev3" | "sev4";
                    /**
                     * Format: uuid
                     * @description The escalation policy that pages for it (none: no escalation)
                     */
                    escalationPolicyId?: string;
                    /**
                     * Format: uuid
                     * @description The team that owns it
                     */
                    teamId?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        escalationPolicyId: string | null;
                        /** @description An acknowledged incident neither mitigated nor resolved within it returns to triggered; null: never */
                        ackTimeoutMinutes: number | null;
                        /** @description The least severe incident its escalation policy pages for (sev2: sev1 and sev2). A less severe one opens, notifies the targets subscribed to it and shows on the timeline, but pages no one until its severity is raised to this or someone escalates it by hand; lowered below it, its escalation stops. null: every severity */
                        pageMinSeverity: ("sev1" | "sev2" | "sev3" | "sev4") | null;
                        /** @description The team that owns it; its incidents are the team's */
                        teamId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        escalationPolicyId: string | null;
                        /** @description An acknowledged incident neither mitigated nor resolved within it returns to triggered; null: never */
                        ackTimeoutMinutes: number | null;
                        /** @description The least severe incident its escalation policy pages for (sev2: sev1 and sev2). A less severe one opens, notifies the targets subscribed to it and shows on the timeline, but pages no one until its severity is raised to this or someone escalates it by hand; lowered below it, its escalation stops. null: every severity */
                        pageMinSeverity: ("sev1" | "sev2" | "sev3" | "sev4") | null;
                        /** @description The team that owns it; its incidents are the team's */
                        teamId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string | null;
                    /** @description null: no escalation */
                    escalationPolicyId?: string | null;
                    /** @description Minutes an acknowledgement holds before the incident returns to triggered and escalation restarts; null: forever */
                    ackTimeoutMinutes?: number | null;
                    /** @description The least severe incident its escalation policy pages for (sev2: sev1 and sev2). A less severe one opens, notifies the targets subscribed to it and shows on the timeline, but pages no one until its severity is raised to this or someone escalates it by hand; lowered below it, its escalation stops. null: every severity */
                    pageMinSeverity?: ("sev1" | "sev2" | "sev3" | "sev4") | null;
                    /** @description The team that owns it; null: no team */
                    teamId?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        escalationPolicyId: string | null;
                        /** @description An acknowledged incident neither mitigated nor resolved within it returns to triggered; null: never */
                        ackTimeoutMinutes: number | null;
                        /** @description The least severe incident its escalation policy pages for (sev2: sev1 and sev2). A less severe one opens, notifies the targets subscribed to it and shows on the timeline, but pages no one until its severity is raised to this or someone escalates it by hand; lowered below it, its escalation stops. null: every severity */
                        pageMinSeverity: ("sev1" | "sev2" | "sev3" | "sev4") | null;
                        /** @description The team that owns it; its incidents are the team's */
                        teamId: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-slaPolicy-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sev1: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        sev2: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        sev3: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        sev4: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        /** @description Warn (an sla_at_risk event, notification kind sla_at_risk) when this percentage of the time to a deadline has passed and the deadline is still unmet: 75 warns 15 minutes before a 60-minute target. null: no warnings */
                        warnAtPercent: number | null;
                        /** @description null: never set (no targets) */
                        updatedAt: string | null;
                        /** Format: uuid */
                        serviceId: string;
                        /**
                         * @description service: the service's own override; org: the org's policy applies
                         * @enum {string}
                         */
                        source: "service" | "org";
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-slaPolicy-put": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sev1: {
                        /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                        acknowledgeWithinMinutes: number | null;
                        /** @description Resolving is due this many minutes after the trigger */
                        resolveWithinMinutes: number | null;
                    };
                    sev2: {
                        /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                        acknowledgeWithinMinutes: number | null;
                        /** @description Resolving is due this many minutes after the trigger */
                        resolveWithinMinutes: number | null;
                    };
                    sev3: {
                        /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                        acknowledgeWithinMinutes: number | null;
                        /** @description Resolving is due this many minutes after the trigger */
                        resolveWithinMinutes: number | null;
                    };
                    sev4: {
                        /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                        acknowledgeWithinMinutes: number | null;
                        /** @description Resolving is due this many minutes after the trigger */
                        resolveWithinMinutes: number | null;
                    };
                    /**
                     * @description Warn (an sla_at_risk event, notification kind sla_at_risk) when this percentage of the time to a deadline has passed and the deadline is still unmet: 75 warns 15 minutes before a 60-minute target. null: no warnings
                     * @default null
                     */
                    warnAtPercent?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sev1: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        sev2: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        sev3: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        sev4: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        /** @description Warn (an sla_at_risk event, notification kind sla_at_risk) when this percentage of the time to a deadline has passed and the deadline is still unmet: 75 warns 15 minutes before a 60-minute target. null: no warnings */
                        warnAtPercent: number | null;
                        /** @description null: never set (no targets) */
                        updatedAt: string | null;
                        /** Format: uuid */
                        serviceId: string;
                        /**
                         * @description service: the service's own override; org: the org's policy applies
                         * @enum {string}
                         */
                        source: "service" | "org";
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-slaPolicy-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sev1: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        sev2: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        sev3: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        sev4: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        /** @description Warn (an sla_at_risk event, notification kind sla_at_risk) when this percentage of the time to a deadline has passed and the deadline is still unmet: 75 warns 15 minutes before a 60-minute target. null: no warnings */
                        warnAtPercent: number | null;
                        /** @description null: never set (no targets) */
                        updatedAt: string | null;
                        /** Format: uuid */
                        serviceId: string;
                        /**
                         * @description service: the service's own override; org: the org's policy applies
                         * @enum {string}
                         */
                        source: "service" | "org";
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-changeEvents-list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            serviceId: string;
                            /** @description null once the integration key that received it is deleted */
                            integrationId: string | null;
                            summary: string;
                            source: string | null;
                            /**
                             * Format: date-time
                             * @description The sender's timestamp, or the time of arrival when it sent none this service can read
                             */
                            occurredAt: string;
                            /** Format: date-time */
                            receivedAt: string;
                            /** @description As sent (`payload.custom_details`); null when none */
                            customDetails: unknown;
                            links: {
                                href: string;
                                text?: string;
                            }[];
                            /** @description What was sent but could not be used as is (an unreadable timestamp) */
                            notes: string[];
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-maintenanceWindows-list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            serviceId: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            reason: string;
                            /** @description Whether the window holds now */
                            inEffect: boolean;
                            /** @description Alerts that arrived during it (listed at .../alerts) */
                            suppressedAlerts: number;
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-maintenanceWindows-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description Default: now
                     */
                    start?: string;
                    /** Format: date-time */
                    end: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        serviceId: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        reason: string;
                        /** @description Whether the window holds now */
                        inEffect: boolean;
                        /** @description Alerts that arrived during it (listed at .../alerts) */
                        suppressedAlerts: number;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-maintenanceWindows-end": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
                /** @example 1a2b3c4d-e5f6-4a7b-8c9d-0e1f2a3b4c01 */
                windowId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-maintenanceWindows-alerts": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
                /** @example 1a2b3c4d-e5f6-4a7b-8c9d-0e1f2a3b4c01 */
                windowId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            windowId: string;
                            integrationId: string | null;
                            dedupKey: string;
                            summary: string;
                            /** @enum {string} */
                            severity: "sev1" | "sev2" | "sev3" | "sev4";
                            /** @description As received (up to 16 KB), without its routing key */
                            alert: unknown;
                            /** Format: date-time */
                            receivedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-heartbeats-list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            serviceId: string;
                            name: string;
                            intervalSeconds: number;
                            /**
                             * @description inactive: never pinged (yet in time); healthy: pinged within its interval; expired: a ping is overdue (an incident was opened)
                             * @enum {string}
                             */
                            status: "inactive" | "healthy" | "expired";
                            lastPingAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the next ping is due (for an expired heartbeat: the deadline it missed)
                             */
                            dueAt: string;
                            /** @description POST (or GET) it to ping; the token in it is the credential, like a routing key */
                            pingUrl: string;
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-heartbeats-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description A ping is due within this many seconds of the last one (or of creation): 60 to 604800 */
                    intervalSeconds: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        serviceId: string;
                        name: string;
                        intervalSeconds: number;
                        /**
                         * @description inactive: never pinged (yet in time); healthy: pinged within its interval; expired: a ping is overdue (an incident was opened)
                         * @enum {string}
                         */
                        status: "inactive" | "healthy" | "expired";
                        lastPingAt: string | null;
                        /**
                         * Format: date-time
                         * @description When the next ping is due (for an expired heartbeat: the deadline it missed)
                         */
                        dueAt: string;
                        /** @description POST (or GET) it to ping; the token in it is the credential, like a routing key */
                        pingUrl: string;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-heartbeats-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
                /** @example 3c4d5e6f-a7b8-4c9d-8e0f-2a3b4c5d6e01 */
                heartbeatId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        serviceId: string;
                        name: string;
                        intervalSeconds: number;
                        /**
                         * @description inactive: never pinged (yet in time); healthy: pinged within its interval; expired: a ping is overdue (an incident was opened)
                         * @enum {string}
                         */
                        status: "inactive" | "healthy" | "expired";
                        lastPingAt: string | null;
                        /**
                         * Format: date-time
                         * @description When the next ping is due (for an expired heartbeat: the deadline it missed)
                         */
                        dueAt: string;
                        /** @description POST (or GET) it to ping; the token in it is the credential, like a routing key */
                        pingUrl: string;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-heartbeats-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
                /** @example 3c4d5e6f-a7b8-4c9d-8e0f-2a3b4c5d6e01 */
                heartbeatId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-services-heartbeats-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
                /** @example 3c4d5e6f-a7b8-4c9d-8e0f-2a3b4c5d6e01 */
                heartbeatId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description A ping is due within this many seconds of the last one (or of creation): 60 to 604800 */
                    intervalSeconds?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        serviceId: string;
                        name: string;
                        intervalSeconds: number;
                        /**
                         * @description inactive: never pinged (yet in time); healthy: pinged within its interval; expired: a ping is overdue (an incident was opened)
                         * @enum {string}
                         */
                        status: "inactive" | "healthy" | "expired";
                        lastPingAt: string | null;
                        /**
                         * Format: date-time
                         * @description When the next ping is due (for an expired heartbeat: the deadline it missed)
                         */
                        dueAt: string;
                        /** @description POST (or GET) it to ping; the token in it is the credential, like a routing key */
                        pingUrl: string;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-slaPolicy-get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sev1: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        sev2: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        sev3: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        sev4: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        /** @description Warn (an sla_at_risk event, notification kind sla_at_risk) when this percentage of the time to a deadline has passed and the deadline is still unmet: 75 warns 15 minutes before a 60-minute target. null: no warnings */
                        warnAtPercent: number | null;
                        /** @description null: never set (no targets) */
                        updatedAt: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-slaPolicy-put": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sev1: {
                        /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                        acknowledgeWithinMinutes: number | null;
                        /** @description Resolving is due this many minutes after the trigger */
                        resolveWithinMinutes: number | null;
                    };
                    sev2: {
                        /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                        acknowledgeWithinMinutes: number | null;
                        /** @description Resolving is due this many minutes after the trigger */
                        resolveWithinMinutes: number | null;
                    };
                    sev3: {
                        /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                        acknowledgeWithinMinutes: number | null;
                        /** @description Resolving is due this many minutes after the trigger */
                        resolveWithinMinutes: number | null;
                    };
                    sev4: {
                        /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                        acknowledgeWithinMinutes: number | null;
                        /** @description Resolving is due this many minutes after the trigger */
                        resolveWithinMinutes: number | null;
                    };
                    /**
                     * @description Warn (an sla_at_risk event, notification kind sla_at_risk) when this percentage of the time to a deadline has passed and the deadline is still unmet: 75 warns 15 minutes before a 60-minute target. null: no warnings
                     * @default null
                     */
                    warnAtPercent?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sev1: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        sev2: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        sev3: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        sev4: {
                            /** @description A first response (acknowledge or resolve) is due this many minutes after the trigger */
                            acknowledgeWithinMinutes: number | null;
                            /** @description Resolving is due this many minutes after the trigger */
                            resolveWithinMinutes: number | null;
                        };
                        /** @description Warn (an sla_at_risk event, notification kind sla_at_risk) when this percentage of the time to a deadline has passed and the deadline is still unmet: 75 warns 15 minutes before a 60-minute target. null: no warnings */
                        warnAtPercent: number | null;
                        /** @description null: never set (no targets) */
                        updatedAt: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-notificationTargets-list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @enum {string} */
                            type: "webhook" | "email" | "slack" | "teams" | "discord" | "mattermost";
                            config: {
                                [key: string]: string;
                            };
                            enabled: boolean;
                            eventKinds: ("triggered" | "acknowledged" | "mitigated" | "resolved" | "escalated" | "commented" | "severity_changed" | "updated" | "sla_at_risk" | "sla_breached" | "status_update")[] | null;
                            minSeverity: ("sev1" | "sev2" | "sev3" | "sev4") | null;
                            serviceIds: string[] | null;
                            teamIds: string[] | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-notificationTargets-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    type: "webhook" | "email" | "slack" | "teams" | "discord" | "mattermost";
                    config: {
                        /** Format: uri */
                        url: string;
                    } | {
                        /** Format: email */
                        address: string;
                    } | {
                        /** Format: uri */
                        webhookUrl: string;
                    };
                    enabled?: boolean;
                    eventKinds?: ("triggered" | "acknowledged" | "mitigated" | "resolved" | "escalated" | "commented" | "severity_changed" | "updated" | "sla_at_risk" | "sla_breached" | "status_update")[];
                    /**
                     * @description Only incidents at least this severe (sev1 is the most severe)
                     * @enum {string}
                     */
                    minSeverity?: "sev1" | "sev2" | "sev3" | "sev4";
                    /** @description Only incidents of these services. A target with serviceIds or teamIds takes only the incidents of those services, or of services those teams own (either list matching is enough) */
                    serviceIds?: string[];
                    /** @description Only incidents of services these teams own. A target with serviceIds or teamIds takes only the incidents of those services, or of services those teams own (either list matching is enough) */
                    teamIds?: string[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        type: "webhook" | "email" | "slack" | "teams" | "discord" | "mattermost";
                        config: {
                            [key: string]: string;
                        };
                        enabled: boolean;
                        eventKinds: ("triggered" | "acknowledged" | "mitigated" | "resolved" | "escalated" | "commented" | "severity_changed" | "updated" | "sla_at_risk" | "sla_breached" | "status_update")[] | null;
                        minSeverity: ("sev1" | "sev2" | "sev3" | "sev4") | null;
                        serviceIds: string[] | null;
                        teamIds: string[] | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description whsec_ signing secret, shown once */
                        secret: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-notificationTargets-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example f0e1d2c3-b4a5-4968-8776-655443322101 */
                targetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        type: "webhook" | "email" | "slack" | "teams" | "discord" | "mattermost";
                        config: {
                            [key: string]: string;
                        };
                        enabled: boolean;
                        eventKinds: ("triggered" | "acknowledged" | "mitigated" | "resolved" | "escalated" | "commented" | "severity_changed" | "updated" | "sla_at_risk" | "sla_breached" | "status_update")[] | null;
                        minSeverity: ("sev1" | "sev2" | "sev3" | "sev4") | null;
                        serviceIds: string[] | null;
                        teamIds: string[] | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-notificationTargets-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example f0e1d2c3-b4a5-4968-8776-655443322101 */
                targetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-notificationTargets-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example f0e1d2c3-b4a5-4968-8776-655443322101 */
                targetId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    enabled?: boolean;
                    config?: {
                        /** Format: uri */
                        url: string;
                    } | {
                        /** Format: email */
                        address: string;
                    } | {
                        /** Format: uri */
                        webhookUrl: string;
                    };
                    /** @description null: every kind */
                    eventKinds?: ("triggered" | "acknowledged" | "mitigated" | "resolved" | "escalated" | "commented" | "severity_changed" | "updated" | "sla_at_risk" | "sla_breached" | "status_update")[] | null;
                    /** @description null: every severity */
                    minSeverity?: ("sev1" | "sev2" | "sev3" | "sev4") | null;
                    /** @description null: no service named. A target with serviceIds or teamIds takes only the incidents of those services, or of services those teams own (either list matching is enough); with both null, every incident */
                    serviceIds?: string[] | null;
                    /** @description null: no team named. A target with serviceIds or teamIds takes only the incidents of those services, or of services those teams own (either list matching is enough); with both null, every incident */
                    teamIds?: string[] | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        type: "webhook" | "email" | "slack" | "teams" | "discord" | "mattermost";
                        config: {
                            [key: string]: string;
                        };
                        enabled: boolean;
                        eventKinds: ("triggered" | "acknowledged" | "mitigated" | "resolved" | "escalated" | "commented" | "severity_changed" | "updated" | "sla_at_risk" | "sla_breached" | "status_update")[] | null;
                        minSeverity: ("sev1" | "sev2" | "sev3" | "sev4") | null;
                        serviceIds: string[] | null;
                        teamIds: string[] | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-notificationTargets-rotateSecret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example f0e1d2c3-b4a5-4968-8776-655443322101 */
                targetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        type: "webhook" | "email" | "slack" | "teams" | "discord" | "mattermost";
                        config: {
                            [key: string]: string;
                        };
                        enabled: boolean;
                        eventKinds: ("triggered" | "acknowledged" | "mitigated" | "resolved" | "escalated" | "commented" | "severity_changed" | "updated" | "sla_at_risk" | "sla_breached" | "status_update")[] | null;
                        minSeverity: ("sev1" | "sev2" | "sev3" | "sev4") | null;
                        serviceIds: string[] | null;
                        teamIds: string[] | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description whsec_ signing secret, shown once */
                        secret: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-notificationTargets-test": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example f0e1d2c3-b4a5-4968-8776-655443322101 */
                targetId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        httpStatus: number | null;
                        error: string | null;
                        note: string | null;
                        durationMs: number;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-escalationPolicies-list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string | null;
                            /** @description How many times the levels are run through */
                            repeat: number;
                            /** @description The team that owns it: its managers manage it */
                            teamId: string | null;
                            levels: {
                                /** @description How long an unacknowledged incident waits at this level before the next level is notified */
                                delaySeconds: number;
                                targets: ({
                                    /** @constant */
                                    type: "user";
                                    /** Format: uuid */
                                    userId: string;
                                } | {
                                    /** @constant */
                                    type: "notification_target";
                                    /** Format: uuid */
                                    targetId: string;
                                } | {
                                    /** @constant */
                                    type: "schedule";
                                    /**
                                     * Format: uuid
                                     * @description Pages whoever is on call on it when the level fires
                                     */
                                    scheduleId: string;
                                } | {
                                    /** @constant */
                                    type: "team";
                                    /** Format: uuid */
                                    teamId: string;
                                    /**
                                     * @description Only the team's managers, or only its members; absent: everyone in the team
                                     * @enum {string}
                                     */
                                    role?: "manager" | "member";
                                })[];
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-escalationPolicies-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    /**
                     * @description How many times the levels are run through
                     * @default 1
                     */
                    repeat?: number;
                    /** @description The team that owns it (its managers manage it); absent or null: no team */
                    teamId?: string | null;
                    levels: {
                        /** @description How long an unacknowledged incident waits at this level before the next level is notified */
                        delaySeconds: number;
                        targets: ({
                            /** @constant */
                            type: "user";
                            /** Format: uuid */
                            userId: string;
                        } | {
                            /** @constant */
                            type: "notification_target";
                            /** Format: uuid */
                            targetId: string;
                        } | {
                            /** @constant */
                            type: "schedule";
                            /**
                             * Format: uuid
                             * @description Pages whoever is on call on it when the level fires
                             */
                            scheduleId: string;
                        } | {
                            /** @constant */
                            type: "team";
                            /** Format: uuid */
                            teamId: string;
                            /**
                             * @description Only the team's managers, or only its members; absent: everyone in the team
                             * @enum {string}
                             */
                            role?: "manager" | "member";
                        })[];
                    }[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        /** @description How many times the levels are run through */
                        repeat: number;
                        /** @description The team that owns it: its managers manage it */
                        teamId: string | null;
                        levels: {
                            /** @description How long an unacknowledged incident waits at this level before the next level is notified */
                            delaySeconds: number;
                            targets: ({
                                /** @constant */
                                type: "user";
                                /** Format: uuid */
                                userId: string;
                            } | {
                                /** @constant */
                                type: "notification_target";
                                /** Format: uuid */
                                targetId: string;
                            } | {
                                /** @constant */
                                type: "schedule";
                                /**
                                 * Format: uuid
                                 * @description Pages whoever is on call on it when the level fires
                                 */
                                scheduleId: string;
                            } | {
                                /** @constant */
                                type: "team";
                                /** Format: uuid */
                                teamId: string;
                                /**
                                 * @description Only the team's managers, or only its members; absent: everyone in the team
                                 * @enum {string}
                                 */
                                role?: "manager" | "member";
                            })[];
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-escalationPolicies-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c01 */
                policyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        /** @description How many times the levels are run through */
                        repeat: number;
                        /** @description The team that owns it: its managers manage it */
                        teamId: string | null;
                        levels: {
                            /** @description How long an unacknowledged incident waits at this level before the next level is notified */
                            delaySeconds: number;
                            targets: ({
                                /** @constant */
                                type: "user";
                                /** Format: uuid */
                                userId: string;
                            } | {
                                /** @constant */
                                type: "notification_target";
                                /** Format: uuid */
                                targetId: string;
                            } | {
                                /** @constant */
                                type: "schedule";
                                /**
                                 * Format: uuid
                                 * @description Pages whoever is on call on it when the level fires
                                 */
                                scheduleId: string;
                            } | {
                                /** @constant */
                                type: "team";
                                /** Format: uuid */
                                teamId: string;
                                /**
                                 * @description Only the team's managers, or only its members; absent: everyone in the team
                                 * @enum {string}
                                 */
                                role?: "manager" | "member";
                            })[];
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-escalationPolicies-replace": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c01 */
                policyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    /**
                     * @description How many times the levels are run through
                     * @default 1
                     */
                    repeat?: number;
                    /** @description The team that owns it (its managers manage it); absent or null: no team */
                    teamId?: string | null;
                    levels: {
                        /** @description How long an unacknowledged incident waits at this level before the next level is notified */
                        delaySeconds: number;
                        targets: ({
                            /** @constant */
                            type: "user";
                            /** Format: uuid */
                            userId: string;
                        } | {
                            /** @constant */
                            type: "notification_target";
                            /** Format: uuid */
                            targetId: string;
                        } | {
                            /** @constant */
                            type: "schedule";
                            /**
                             * Format: uuid
                             * @description Pages whoever is on call on it when the level fires
                             */
                            scheduleId: string;
                        } | {
                            /** @constant */
                            type: "team";
                            /** Format: uuid */
                            teamId: string;
                            /**
                             * @description Only the team's managers, or only its members; absent: everyone in the team
                             * @enum {string}
                             */
                            role?: "manager" | "member";
                        })[];
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        /** @description How many times the levels are run through */
                        repeat: number;
                        /** @description The team that owns it: its managers manage it */
                        teamId: string | null;
                        levels: {
                            /** @description How long an unacknowledged incident waits at this level before the next level is notified */
                            delaySeconds: number;
                            targets: ({
                                /** @constant */
                                type: "user";
                                /** Format: uuid */
                                userId: string;
                            } | {
                                /** @constant */
                                type: "notification_target";
                                /** Format: uuid */
                                targetId: string;
                            } | {
                                /** @constant */
                                type: "schedule";
                                /**
                                 * Format: uuid
                                 * @description Pages whoever is on call on it when the level fires
                                 */
                                scheduleId: string;
                            } | {
                                /** @constant */
                                type: "team";
                                /** Format: uuid */
                                teamId: string;
                                /**
                                 * @description Only the team's managers, or only its members; absent: everyone in the team
                                 * @enum {string}
                                 */
                                role?: "manager" | "member";
                            })[];
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-escalationPolicies-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c01 */
                policyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-apiKeys-list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /**
                             * @description read: queries only; write: what a member may do. Keys never manage members or keys.
                             * @enum {string}
                             */
                            scope: "read" | "write";
                            /** @description The first characters of the secret, to tell keys apart */
                            prefix: string;
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            expiresAt: string | null;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                            /** @enum {string} */
                            status: "active" | "revoked" | "expired";
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-apiKeys-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /**
                     * @description read: queries only; write: what a member may do. Keys never manage members or keys.
                     * @enum {string}
                     */
                    scope: "read" | "write";
                    /**
                     * Format: date-time
                     * @description ISO-8601, in the future; omitted: never expires
                     */
                    expiresAt?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /**
                         * @description read: queries only; write: what a member may do. Keys never manage members or keys.
                         * @enum {string}
                         */
                        scope: "read" | "write";
                        /** @description The first characters of the secret, to tell keys apart */
                        prefix: string;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        expiresAt: string | null;
                        lastUsedAt: string | null;
                        revokedAt: string | null;
                        /** @enum {string} */
                        status: "active" | "revoked" | "expired";
                        /** @description The key itself (iok_...), shown only in this response: store it now */
                        secret: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-apiKeys-revoke": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d01 */
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /**
                         * @description read: queries only; write: what a member may do. Keys never manage members or keys.
                         * @enum {string}
                         */
                        scope: "read" | "write";
                        /** @description The first characters of the secret, to tell keys apart */
                        prefix: string;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        expiresAt: string | null;
                        lastUsedAt: string | null;
                        revokedAt: string | null;
                        /** @enum {string} */
                        status: "active" | "revoked" | "expired";
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-teams-list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-teams-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-teams-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 1b6c7d8e-f0a1-4b2c-9d3e-4f5a6b7c8d01 */
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-teams-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 1b6c7d8e-f0a1-4b2c-9d3e-4f5a6b7c8d01 */
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); REFERENCED_BY_POLICIES: escalation policies page the schedule or team: take it out of their levels first; CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ReferencedByPoliciesError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-teams-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 1b6c7d8e-f0a1-4b2c-9d3e-4f5a6b7c8d01 */
                teamId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-teams-members-list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 1b6c7d8e-f0a1-4b2c-9d3e-4f5a6b7c8d01 */
                teamId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Managers first, then by name */
                        items: {
                            user: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /**
                             * @description manager: manages the team's members, schedules and escalation policies
                             * @enum {string}
                             */
                            role: "manager" | "member";
                            /** Format: date-time */
                            addedAt: string;
                        }[];
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-teams-members-set": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 1b6c7d8e-f0a1-4b2c-9d3e-4f5a6b7c8d01 */
                teamId: string;
                /** @example 5b0f6f64-1c2e-4f3a-9d7b-2a8c4e6f1a02 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description manager: manages the team's members, schedules and escalation policies
                     * @enum {string}
                     */
                    role: "manager" | "member";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /**
                         * @description manager: manages the team's members, schedules and escalation policies
                         * @enum {string}
                         */
                        role: "manager" | "member";
                        /** Format: date-time */
                        addedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-teams-members-remove": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 1b6c7d8e-f0a1-4b2c-9d3e-4f5a6b7c8d01 */
                teamId: string;
                /** @example 5b0f6f64-1c2e-4f3a-9d7b-2a8c4e6f1a02 */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-schedules-list": {
        parameters: {
            query?: {
                /** @example 1b6c7d8e-f0a1-4b2c-9d3e-4f5a6b7c8d01 */
                teamId?: string;
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            description: string | null;
                            /** @description IANA time zone whose wall clock the turns and restrictions follow */
                            timeZone: string;
                            teamId: string | null;
                            /** @description In precedence order: a later layer wins wherever it has someone */
                            layers: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** Format: date-time */
                                start: string;
                                end: string | null;
                                /** Format: date-time */
                                rotationStart: string;
                                rotation: {
                                    /** @enum {string} */
                                    unit: "hour" | "day" | "week";
                                    /** @description Turns last length x unit, counted on the schedule's wall clock */
                                    length: number;
                                };
                                participants: string[];
                                restrictions: {
                                    /**
                                     * @description daily: a window every day; weekly: a window every week, from startDay
                                     * @enum {string}
                                     */
                                    type: "daily" | "weekly";
                                    /** @description Wall-clock time in the schedule's time zone, HH:mm */
                                    startTime: string;
                                    /** @description Wall-clock minutes; a daily window may span midnight (at most 1440) */
                                    durationMinutes: number;
                                    /** @description ISO weekday the weekly window starts on: 1 = Monday ... 7 = Sunday */
                                    startDay?: number;
                                }[];
                            }[];
                            /** @description Everyone the layers name */
                            people: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-schedules-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    description?: string;
                    /** @description IANA time zone name, e.g. Europe/Berlin */
                    timeZone: string;
                    /**
                     * Format: uuid
                     * @description The team that owns it (its managers manage it)
                     */
                    teamId?: string;
                    /**
                     * @description In precedence order: a later layer wins wherever it has someone
                     * @default []
                     */
                    layers?: {
                        /**
                         * Format: uuid
                         * @description A layer of this schedule to keep (its id stays); absent: a new layer
                         */
                        id?: string;
                        name: string;
                        /**
                         * Format: date-time
                         * @description When the layer takes effect
                         */
                        start: string;
                        /** @description When it stops (absent or null: never) */
                        end?: string | null;
                        /**
                         * Format: date-time
                         * @description When the first participant's first turn starts; turns repeat from there both ways
                         */
                        rotationStart: string;
                        rotation: {
                            /** @enum {string} */
                            unit: "hour" | "day" | "week";
                            /** @description Turns last length x unit, counted on the schedule's wall clock */
                            length: number;
                        };
                        /** @description The rotation order (user ids, members of the organisation); a person may appear more than once */
                        participants: string[];
                        /** @description Windows the layer's shifts are kept inside (none: always) */
                        restrictions?: {
                            /**
                             * @description daily: a window every day; weekly: a window every week, from startDay
                             * @enum {string}
                             */
                            type: "daily" | "weekly";
                            /** @description Wall-clock time in the schedule's time zone, HH:mm */
                            startTime: string;
                            /** @description Wall-clock minutes; a daily window may span midnight (at most 1440) */
                            durationMinutes: number;
                            /** @description ISO weekday the weekly window starts on: 1 = Monday ... 7 = Sunday */
                            startDay?: number;
                        }[];
                    }[];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        /** @description IANA time zone whose wall clock the turns and restrictions follow */
                        timeZone: string;
                        teamId: string | null;
                        /** @description In precedence order: a later layer wins wherever it has someone */
                        layers: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            start: string;
                            end: string | null;
                            /** Format: date-time */
                            rotationStart: string;
                            rotation: {
                                /** @enum {string} */
                                unit: "hour" | "day" | "week";
                                /** @description Turns last length x unit, counted on the schedule's wall clock */
                                length: number;
                            };
                            participants: string[];
                            restrictions: {
                                /**
                                 * @description daily: a window every day; weekly: a window every week, from startDay
                                 * @enum {string}
                                 */
                                type: "daily" | "weekly";
                                /** @description Wall-clock time in the schedule's time zone, HH:mm */
                                startTime: string;
                                /** @description Wall-clock minutes; a daily window may span midnight (at most 1440) */
                                durationMinutes: number;
                                /** @description ISO weekday the weekly window starts on: 1 = Monday ... 7 = Sunday */
                                startDay?: number;
                            }[];
                        }[];
                        /** @description Everyone the layers name */
                        people: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-schedules-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 2c7d8e9f-a1b2-4c3d-8e4f-5a6b7c8d9e01 */
                scheduleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        /** @description IANA time zone whose wall clock the turns and restrictions follow */
                        timeZone: string;
                        teamId: string | null;
                        /** @description In precedence order: a later layer wins wherever it has someone */
                        layers: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            start: string;
                            end: string | null;
                            /** Format: date-time */
                            rotationStart: string;
                            rotation: {
                                /** @enum {string} */
                                unit: "hour" | "day" | "week";
                                /** @description Turns last length x unit, counted on the schedule's wall clock */
                                length: number;
                            };
                            participants: string[];
                            restrictions: {
                                /**
                                 * @description daily: a window every day; weekly: a window every week, from startDay
                                 * @enum {string}
                                 */
                                type: "daily" | "weekly";
                                /** @description Wall-clock time in the schedule's time zone, HH:mm */
                                startTime: string;
                                /** @description Wall-clock minutes; a daily window may span midnight (at most 1440) */
                                durationMinutes: number;
                                /** @description ISO weekday the weekly window starts on: 1 = Monday ... 7 = Sunday */
                                startDay?: number;
                            }[];
                        }[];
                        /** @description Everyone the layers name */
                        people: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-schedules-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 2c7d8e9f-a1b2-4c3d-8e4f-5a6b7c8d9e01 */
                scheduleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); REFERENCED_BY_POLICIES: escalation policies page the schedule or team: take it out of their levels first; CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ReferencedByPoliciesError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-schedules-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 2c7d8e9f-a1b2-4c3d-8e4f-5a6b7c8d9e01 */
                scheduleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string | null;
                    /** @description IANA time zone name, e.g. Europe/Berlin */
                    timeZone?: string;
                    /** @description null: no team */
                    teamId?: string | null;
                    /** @description Replaces every layer (give a layer's id to keep it) */
                    layers?: {
                        /**
                         * Format: uuid
                         * @description A layer of this schedule to keep (its id stays); absent: a new layer
                         */
                        id?: string;
                        name: string;
                        /**
                         * Format: date-time
                         * @description When the layer takes effect
                         */
                        start: string;
                        /** @description When it stops (absent or null: never) */
                        end?: string | null;
                        /**
                         * Format: date-time
                         * @description When the first participant's first turn starts; turns repeat from there both ways
                         */
                        rotationStart: string;
                        rotation: {
                            /** @enum {string} */
                            unit: "hour" | "day" | "week";
                            /** @description Turns last length x unit, counted on the schedule's wall clock */
                            length: number;
                        };
                        /** @description The rotation order (user ids, members of the organisation); a person may appear more than once */
                        participants: string[];
                        /** @description Windows the layer's shifts are kept inside (none: always) */
                        restrictions?: {
                            /**
                             * @description daily: a window every day; weekly: a window every week, from startDay
                             * @enum {string}
                             */
                            type: "daily" | "weekly";
                            /** @description Wall-clock time in the schedule's time zone, HH:mm */
                            startTime: string;
                            /** @description Wall-clock minutes; a daily window may span midnight (at most 1440) */
                            durationMinutes: number;
                            /** @description ISO weekday the weekly window starts on: 1 = Monday ... 7 = Sunday */
                            startDay?: number;
                        }[];
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        description: string | null;
                        /** @description IANA time zone whose wall clock the turns and restrictions follow */
                        timeZone: string;
                        teamId: string | null;
                        /** @description In precedence order: a later layer wins wherever it has someone */
                        layers: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            start: string;
                            end: string | null;
                            /** Format: date-time */
                            rotationStart: string;
                            rotation: {
                                /** @enum {string} */
                                unit: "hour" | "day" | "week";
                                /** @description Turns last length x unit, counted on the schedule's wall clock */
                                length: number;
                            };
                            participants: string[];
                            restrictions: {
                                /**
                                 * @description daily: a window every day; weekly: a window every week, from startDay
                                 * @enum {string}
                                 */
                                type: "daily" | "weekly";
                                /** @description Wall-clock time in the schedule's time zone, HH:mm */
                                startTime: string;
                                /** @description Wall-clock minutes; a daily window may span midnight (at most 1440) */
                                durationMinutes: number;
                                /** @description ISO weekday the weekly window starts on: 1 = Monday ... 7 = Sunday */
                                startDay?: number;
                            }[];
                        }[];
                        /** @description Everyone the layers name */
                        people: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-schedules-shifts": {
        parameters: {
            query: {
                /**
                 * @description Start of the range (inclusive)
                 * @example 2025-03-14T00:00:00Z
                 */
                since: string;
                /**
                 * @description End of the range (exclusive), at most 93 days after since
                 * @example 2025-03-15T00:00:00Z
                 */
                until: string;
            };
            header?: never;
            path: {
                /** @example 2c7d8e9f-a1b2-4c3d-8e4f-5a6b7c8d9e01 */
                scheduleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Who is on call, in order, cut at the range; touching entries of one person from one source are joined */
                        items: {
                            /** Format: uuid */
                            userId: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            /** @description The layer it comes from (null: an override) */
                            layerId: string | null;
                            /** @description The override it comes from (null: a layer) */
                            overrideId: string | null;
                        }[];
                        /** @description Where nobody is on call */
                        gaps: {
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                        }[];
                        /** @description The share of the range someone is on call */
                        coveragePercent: number;
                        /** @description Everyone the items name */
                        people: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-schedules-overrides-list": {
        parameters: {
            query?: {
                /** @example 2025-03-14T00:00:00Z */
                since?: string;
                until?: string;
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path: {
                /** @example 2c7d8e9f-a1b2-4c3d-8e4f-5a6b7c8d9e01 */
                scheduleId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            scheduleId: string;
                            /** Format: uuid */
                            userId: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-schedules-overrides-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 2c7d8e9f-a1b2-4c3d-8e4f-5a6b7c8d9e01 */
                scheduleId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description Who is on call instead
                     */
                    userId: string;
                    /** Format: date-time */
                    start: string;
                    /** Format: date-time */
                    end: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        scheduleId: string;
                        /** Format: uuid */
                        userId: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "org-schedules-overrides-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 2c7d8e9f-a1b2-4c3d-8e4f-5a6b7c8d9e01 */
                scheduleId: string;
                /** @example e9f0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a01 */
                overrideId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "orgs-list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            role: "viewer" | "member" | "admin";
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "orgs-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** @enum {string} */
                        role: "viewer" | "member" | "admin";
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-list": {
        parameters: {
            query?: {
                /** @example triggered */
                status?: "triggered" | "acknowledged" | "mitigated" | "resolved";
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId?: string;
                severity?: "sev1" | "sev2" | "sev3" | "sev4";
                /** @example me */
                assignedTo?: "me" | string;
                teamId?: string;
                type?: string;
                sla?: "at_risk" | "breached";
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            serviceId: string;
                            title: string;
                            description: string | null;
                            /** @description What kind of incident it is, in the org's words (database, deploy, ...); from an alert, PagerDuty's payload.class; null: not said */
                            type: string | null;
                            /** @enum {string} */
                            status: "triggered" | "acknowledged" | "mitigated" | "resolved";
                            /** @enum {string} */
                            severity: "sev1" | "sev2" | "sev3" | "sev4";
                            version: number;
                            /** @description Set when the incident was opened by an alert */
                            dedupKey: string | null;
                            /** @description How many alerts this incident stands for */
                            alertCount: number;
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** Format: date-time */
                            triggeredAt: string;
                            acknowledgedAt: string | null;
                            mitigatedAt: string | null;
                            resolvedAt: string | null;
                            /** @description Who owns it: the people its escalation level paged last, or those someone assigned */
                            assignees: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            /** @description While snoozed: when it returns to triggered */
                            snoozedUntil: string | null;
                            /** @description While acknowledged on a service with an acknowledgement timeout: when it returns to triggered */
                            ackTimeoutAt: string | null;
                            /** @description The first acknowledgement: MTTA is measured to it */
                            firstAcknowledgedAt: string | null;
                            /** @description The SLA's deadline for a first response (acknowledge or resolve); null: no target */
                            acknowledgeDueAt: string | null;
                            /** @description The SLA's deadline for resolving; null: no target */
                            resolveDueAt: string | null;
                            /** @description When the acknowledge deadline was recorded as breached */
                            acknowledgeBreachedAt: string | null;
                            /** @description When the resolve deadline was recorded as breached */
                            resolveBreachedAt: string | null;
                            /** @description When the acknowledge deadline warns that it nears (the SLA policy's warnAtPercent of its time); null: no warning */
                            acknowledgeWarnAt: string | null;
                            /** @description When the resolve deadline warns that it nears; null: no warning */
                            resolveWarnAt: string | null;
                            /** @description When the acknowledge deadline's warning was recorded (an sla_at_risk event) */
                            acknowledgeWarnedAt: string | null;
                            /** @description When the resolve deadline's warning was recorded (an sla_at_risk event) */
                            resolveWarnedAt: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-counts": {
        parameters: {
            query?: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId?: string;
                severity?: "sev1" | "sev2" | "sev3" | "sev4";
                assignedTo?: "me" | string;
                teamId?: string;
                type?: string;
                sla?: "at_risk" | "breached";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Incidents matching the filters, per status */
                        byStatus: {
                            triggered: number;
                            acknowledged: number;
                            mitigated: number;
                            resolved: number;
                        };
                        /** @description Incidents matching the filters that are not resolved */
                        open: {
                            total: number;
                            bySeverity: {
                                sev1: number;
                                sev2: number;
                                sev3: number;
                                sev4: number;
                            };
                            /** @description Services with open incidents, most first */
                            byService: {
                                /** Format: uuid */
                                serviceId: string;
                                count: number;
                            }[];
                        };
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    description?: string;
                    /** @enum {string} */
                    severity?: "sev1" | "sev2" | "sev3" | "sev4";
                    /** @description What kind of incident it is (database, deploy, ...) */
                    type?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        serviceId: string;
                        title: string;
                        description: string | null;
                        /** @description What kind of incident it is, in the org's words (database, deploy, ...); from an alert, PagerDuty's payload.class; null: not said */
                        type: string | null;
                        /** @enum {string} */
                        status: "triggered" | "acknowledged" | "mitigated" | "resolved";
                        /** @enum {string} */
                        severity: "sev1" | "sev2" | "sev3" | "sev4";
                        version: number;
                        /** @description Set when the incident was opened by an alert */
                        dedupKey: string | null;
                        /** @description How many alerts this incident stands for */
                        alertCount: number;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        triggeredAt: string;
                        acknowledgedAt: string | null;
                        mitigatedAt: string | null;
                        resolvedAt: string | null;
                        /** @description Who owns it: the people its escalation level paged last, or those someone assigned */
                        assignees: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description While snoozed: when it returns to triggered */
                        snoozedUntil: string | null;
                        /** @description While acknowledged on a service with an acknowledgement timeout: when it returns to triggered */
                        ackTimeoutAt: string | null;
                        /** @description The first acknowledgement: MTTA is measured to it */
                        firstAcknowledgedAt: string | null;
                        /** @description The SLA's deadline for a first response (acknowledge or resolve); null: no target */
                        acknowledgeDueAt: string | null;
                        /** @description The SLA's deadline for resolving; null: no target */
                        resolveDueAt: string | null;
                        /** @description When the acknowledge deadline was recorded as breached */
                        acknowledgeBreachedAt: string | null;
                        /** @description When the resolve deadline was recorded as breached */
                        resolveBreachedAt: string | null;
                        /** @description When the acknowledge deadline warns that it nears (the SLA policy's warnAtPercent of its time); null: no warning */
                        acknowledgeWarnAt: string | null;
                        /** @description When the resolve deadline warns that it nears; null: no warning */
                        resolveWarnAt: string | null;
                        /** @description When the acknowledge deadline's warning was recorded (an sla_at_risk event) */
                        acknowledgeWarnedAt: string | null;
                        /** @description When the resolve deadline's warning was recorded (an sla_at_risk event) */
                        resolveWarnedAt: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        serviceId: string;
                        title: string;
                        description: string | null;
                        /** @description What kind of incident it is, in the org's words (database, deploy, ...); from an alert, PagerDuty's payload.class; null: not said */
                        type: string | null;
                        /** @enum {string} */
                        status: "triggered" | "acknowledged" | "mitigated" | "resolved";
                        /** @enum {string} */
                        severity: "sev1" | "sev2" | "sev3" | "sev4";
                        version: number;
                        /** @description Set when the incident was opened by an alert */
                        dedupKey: string | null;
                        /** @description How many alerts this incident stands for */
                        alertCount: number;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        triggeredAt: string;
                        acknowledgedAt: string | null;
                        mitigatedAt: string | null;
                        resolvedAt: string | null;
                        /** @description Who owns it: the people its escalation level paged last, or those someone assigned */
                        assignees: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description While snoozed: when it returns to triggered */
                        snoozedUntil: string | null;
                        /** @description While acknowledged on a service with an acknowledgement timeout: when it returns to triggered */
                        ackTimeoutAt: string | null;
                        /** @description The first acknowledgement: MTTA is measured to it */
                        firstAcknowledgedAt: string | null;
                        /** @description The SLA's deadline for a first response (acknowledge or resolve); null: no target */
                        acknowledgeDueAt: string | null;
                        /** @description The SLA's deadline for resolving; null: no target */
                        resolveDueAt: string | null;
                        /** @description When the acknowledge deadline was recorded as breached */
                        acknowledgeBreachedAt: string | null;
                        /** @description When the resolve deadline was recorded as breached */
                        resolveBreachedAt: string | null;
                        /** @description When the acknowledge deadline warns that it nears (the SLA policy's warnAtPercent of its time); null: no warning */
                        acknowledgeWarnAt: string | null;
                        /** @description When the resolve deadline warns that it nears; null: no warning */
                        resolveWarnAt: string | null;
                        /** @description When the acknowledge deadline's warning was recorded (an sla_at_risk event) */
                        acknowledgeWarnedAt: string | null;
                        /** @description When the resolve deadline's warning was recorded (an sla_at_risk event) */
                        resolveWarnedAt: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    /** @description null clears it */
                    description?: string | null;
                    /**
                     * @description Re-arms the SLA deadlines still running
                     * @enum {string}
                     */
                    severity?: "sev1" | "sev2" | "sev3" | "sev4";
                    /** @description null clears it */
                    type?: string | null;
                    /** @description The version you last read: a stale one is 409 VERSION_CONFLICT */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        serviceId: string;
                        title: string;
                        description: string | null;
                        /** @description What kind of incident it is, in the org's words (database, deploy, ...); from an alert, PagerDuty's payload.class; null: not said */
                        type: string | null;
                        /** @enum {string} */
                        status: "triggered" | "acknowledged" | "mitigated" | "resolved";
                        /** @enum {string} */
                        severity: "sev1" | "sev2" | "sev3" | "sev4";
                        version: number;
                        /** @description Set when the incident was opened by an alert */
                        dedupKey: string | null;
                        /** @description How many alerts this incident stands for */
                        alertCount: number;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        triggeredAt: string;
                        acknowledgedAt: string | null;
                        mitigatedAt: string | null;
                        resolvedAt: string | null;
                        /** @description Who owns it: the people its escalation level paged last, or those someone assigned */
                        assignees: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description While snoozed: when it returns to triggered */
                        snoozedUntil: string | null;
                        /** @description While acknowledged on a service with an acknowledgement timeout: when it returns to triggered */
                        ackTimeoutAt: string | null;
                        /** @description The first acknowledgement: MTTA is measured to it */
                        firstAcknowledgedAt: string | null;
                        /** @description The SLA's deadline for a first response (acknowledge or resolve); null: no target */
                        acknowledgeDueAt: string | null;
                        /** @description The SLA's deadline for resolving; null: no target */
                        resolveDueAt: string | null;
                        /** @description When the acknowledge deadline was recorded as breached */
                        acknowledgeBreachedAt: string | null;
                        /** @description When the resolve deadline was recorded as breached */
                        resolveBreachedAt: string | null;
                        /** @description When the acknowledge deadline warns that it nears (the SLA policy's warnAtPercent of its time); null: no warning */
                        acknowledgeWarnAt: string | null;
                        /** @description When the resolve deadline warns that it nears; null: no warning */
                        resolveWarnAt: string | null;
                        /** @description When the acknowledge deadline's warning was recorded (an sla_at_risk event) */
                        acknowledgeWarnedAt: string | null;
                        /** @description When the resolve deadline's warning was recorded (an sla_at_risk event) */
                        resolveWarnedAt: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); VERSION_CONFLICT: the incident changed since it was read (stale version); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["VersionConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-events": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
                kind?: "created" | "status_changed" | "commented" | "escalated" | "alert_repeated" | "assigned" | "unassigned" | "snoozed" | "unsnoozed" | "ack_timed_out" | "no_one_on_call" | "title_changed" | "type_changed" | "description_changed" | "severity_changed" | "sla_at_risk" | "sla_breached" | "task_created" | "task_updated" | "status_update_posted" | "postmortem_published" | "attachment_added" | "attachment_deleted";
            };
            header?: never;
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            incidentId: string;
                            /** @enum {string} */
                            kind: "created" | "status_changed" | "commented" | "escalated" | "alert_repeated" | "assigned" | "unassigned" | "snoozed" | "unsnoozed" | "ack_timed_out" | "no_one_on_call" | "title_changed" | "type_changed" | "description_changed" | "severity_changed" | "sla_at_risk" | "sla_breached" | "task_created" | "task_updated" | "status_update_posted" | "postmortem_published" | "attachment_added" | "attachment_deleted";
                            actorUserId: string | null;
                            data: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The person who did it; null for an API key, an alert or the system */
                            actor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-transition": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    toStatus: "triggered" | "acknowledged" | "mitigated" | "resolved";
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        serviceId: string;
                        title: string;
                        description: string | null;
                        /** @description What kind of incident it is, in the org's words (database, deploy, ...); from an alert, PagerDuty's payload.class; null: not said */
                        type: string | null;
                        /** @enum {string} */
                        status: "triggered" | "acknowledged" | "mitigated" | "resolved";
                        /** @enum {string} */
                        severity: "sev1" | "sev2" | "sev3" | "sev4";
                        version: number;
                        /** @description Set when the incident was opened by an alert */
                        dedupKey: string | null;
                        /** @description How many alerts this incident stands for */
                        alertCount: number;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        triggeredAt: string;
                        acknowledgedAt: string | null;
                        mitigatedAt: string | null;
                        resolvedAt: string | null;
                        /** @description Who owns it: the people its escalation level paged last, or those someone assigned */
                        assignees: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description While snoozed: when it returns to triggered */
                        snoozedUntil: string | null;
                        /** @description While acknowledged on a service with an acknowledgement timeout: when it returns to triggered */
                        ackTimeoutAt: string | null;
                        /** @description The first acknowledgement: MTTA is measured to it */
                        firstAcknowledgedAt: string | null;
                        /** @description The SLA's deadline for a first response (acknowledge or resolve); null: no target */
                        acknowledgeDueAt: string | null;
                        /** @description The SLA's deadline for resolving; null: no target */
                        resolveDueAt: string | null;
                        /** @description When the acknowledge deadline was recorded as breached */
                        acknowledgeBreachedAt: string | null;
                        /** @description When the resolve deadline was recorded as breached */
                        resolveBreachedAt: string | null;
                        /** @description When the acknowledge deadline warns that it nears (the SLA policy's warnAtPercent of its time); null: no warning */
                        acknowledgeWarnAt: string | null;
                        /** @description When the resolve deadline warns that it nears; null: no warning */
                        resolveWarnAt: string | null;
                        /** @description When the acknowledge deadline's warning was recorded (an sla_at_risk event) */
                        acknowledgeWarnedAt: string | null;
                        /** @description When the resolve deadline's warning was recorded (an sla_at_risk event) */
                        resolveWarnedAt: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); VERSION_CONFLICT: the incident changed since it was read (stale version); INVALID_TRANSITION: the incident cannot move to that status from its current one; CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["VersionConflictError"] | components["schemas"]["InvalidTransitionError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-comment": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        incidentId: string;
                        /** @enum {string} */
                        kind: "created" | "status_changed" | "commented" | "escalated" | "alert_repeated" | "assigned" | "unassigned" | "snoozed" | "unsnoozed" | "ack_timed_out" | "no_one_on_call" | "title_changed" | "type_changed" | "description_changed" | "severity_changed" | "sla_at_risk" | "sla_breached" | "task_created" | "task_updated" | "status_update_posted" | "postmortem_published" | "attachment_added" | "attachment_deleted";
                        actorUserId: string | null;
                        data: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-escalate": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        serviceId: string;
                        title: string;
                        description: string | null;
                        /** @description What kind of incident it is, in the org's words (database, deploy, ...); from an alert, PagerDuty's payload.class; null: not said */
                        type: string | null;
                        /** @enum {string} */
                        status: "triggered" | "acknowledged" | "mitigated" | "resolved";
                        /** @enum {string} */
                        severity: "sev1" | "sev2" | "sev3" | "sev4";
                        version: number;
                        /** @description Set when the incident was opened by an alert */
                        dedupKey: string | null;
                        /** @description How many alerts this incident stands for */
                        alertCount: number;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        triggeredAt: string;
                        acknowledgedAt: string | null;
                        mitigatedAt: string | null;
                        resolvedAt: string | null;
                        /** @description Who owns it: the people its escalation level paged last, or those someone assigned */
                        assignees: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description While snoozed: when it returns to triggered */
                        snoozedUntil: string | null;
                        /** @description While acknowledged on a service with an acknowledgement timeout: when it returns to triggered */
                        ackTimeoutAt: string | null;
                        /** @description The first acknowledgement: MTTA is measured to it */
                        firstAcknowledgedAt: string | null;
                        /** @description The SLA's deadline for a first response (acknowledge or resolve); null: no target */
                        acknowledgeDueAt: string | null;
                        /** @description The SLA's deadline for resolving; null: no target */
                        resolveDueAt: string | null;
                        /** @description When the acknowledge deadline was recorded as breached */
                        acknowledgeBreachedAt: string | null;
                        /** @description When the resolve deadline was recorded as breached */
                        resolveBreachedAt: string | null;
                        /** @description When the acknowledge deadline warns that it nears (the SLA policy's warnAtPercent of its time); null: no warning */
                        acknowledgeWarnAt: string | null;
                        /** @description When the resolve deadline warns that it nears; null: no warning */
                        resolveWarnAt: string | null;
                        /** @description When the acknowledge deadline's warning was recorded (an sla_at_risk event) */
                        acknowledgeWarnedAt: string | null;
                        /** @description When the resolve deadline's warning was recorded (an sla_at_risk event) */
                        resolveWarnedAt: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); INVALID_TRANSITION: the incident cannot move to that status from its current one; CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["InvalidTransitionError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-assign": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The new assignees (members of the org): they replace the current ones, and those new to it are paged */
                    userIds: string[];
                    /** @description The version you last read: a stale one is 409 VERSION_CONFLICT */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        serviceId: string;
                        title: string;
                        description: string | null;
                        /** @description What kind of incident it is, in the org's words (database, deploy, ...); from an alert, PagerDuty's payload.class; null: not said */
                        type: string | null;
                        /** @enum {string} */
                        status: "triggered" | "acknowledged" | "mitigated" | "resolved";
                        /** @enum {string} */
                        severity: "sev1" | "sev2" | "sev3" | "sev4";
                        version: number;
                        /** @description Set when the incident was opened by an alert */
                        dedupKey: string | null;
                        /** @description How many alerts this incident stands for */
                        alertCount: number;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        triggeredAt: string;
                        acknowledgedAt: string | null;
                        mitigatedAt: string | null;
                        resolvedAt: string | null;
                        /** @description Who owns it: the people its escalation level paged last, or those someone assigned */
                        assignees: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description While snoozed: when it returns to triggered */
                        snoozedUntil: string | null;
                        /** @description While acknowledged on a service with an acknowledgement timeout: when it returns to triggered */
                        ackTimeoutAt: string | null;
                        /** @description The first acknowledgement: MTTA is measured to it */
                        firstAcknowledgedAt: string | null;
                        /** @description The SLA's deadline for a first response (acknowledge or resolve); null: no target */
                        acknowledgeDueAt: string | null;
                        /** @description The SLA's deadline for resolving; null: no target */
                        resolveDueAt: string | null;
                        /** @description When the acknowledge deadline was recorded as breached */
                        acknowledgeBreachedAt: string | null;
                        /** @description When the resolve deadline was recorded as breached */
                        resolveBreachedAt: string | null;
                        /** @description When the acknowledge deadline warns that it nears (the SLA policy's warnAtPercent of its time); null: no warning */
                        acknowledgeWarnAt: string | null;
                        /** @description When the resolve deadline warns that it nears; null: no warning */
                        resolveWarnAt: string | null;
                        /** @description When the acknowledge deadline's warning was recorded (an sla_at_risk event) */
                        acknowledgeWarnedAt: string | null;
                        /** @description When the resolve deadline's warning was recorded (an sla_at_risk event) */
                        resolveWarnedAt: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); VERSION_CONFLICT: the incident changed since it was read (stale version); INVALID_TRANSITION: the incident cannot move to that status from its current one; CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["VersionConflictError"] | components["schemas"]["InvalidTransitionError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-snooze": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description How long it stays acknowledged before it returns to triggered */
                    minutes: number;
                    /** @description The version you last read: a stale one is 409 VERSION_CONFLICT */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        serviceId: string;
                        title: string;
                        description: string | null;
                        /** @description What kind of incident it is, in the org's words (database, deploy, ...); from an alert, PagerDuty's payload.class; null: not said */
                        type: string | null;
                        /** @enum {string} */
                        status: "triggered" | "acknowledged" | "mitigated" | "resolved";
                        /** @enum {string} */
                        severity: "sev1" | "sev2" | "sev3" | "sev4";
                        version: number;
                        /** @description Set when the incident was opened by an alert */
                        dedupKey: string | null;
                        /** @description How many alerts this incident stands for */
                        alertCount: number;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** Format: date-time */
                        triggeredAt: string;
                        acknowledgedAt: string | null;
                        mitigatedAt: string | null;
                        resolvedAt: string | null;
                        /** @description Who owns it: the people its escalation level paged last, or those someone assigned */
                        assignees: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                        /** @description While snoozed: when it returns to triggered */
                        snoozedUntil: string | null;
                        /** @description While acknowledged on a service with an acknowledgement timeout: when it returns to triggered */
                        ackTimeoutAt: string | null;
                        /** @description The first acknowledgement: MTTA is measured to it */
                        firstAcknowledgedAt: string | null;
                        /** @description The SLA's deadline for a first response (acknowledge or resolve); null: no target */
                        acknowledgeDueAt: string | null;
                        /** @description The SLA's deadline for resolving; null: no target */
                        resolveDueAt: string | null;
                        /** @description When the acknowledge deadline was recorded as breached */
                        acknowledgeBreachedAt: string | null;
                        /** @description When the resolve deadline was recorded as breached */
                        resolveBreachedAt: string | null;
                        /** @description When the acknowledge deadline warns that it nears (the SLA policy's warnAtPercent of its time); null: no warning */
                        acknowledgeWarnAt: string | null;
                        /** @description When the resolve deadline warns that it nears; null: no warning */
                        resolveWarnAt: string | null;
                        /** @description When the acknowledge deadline's warning was recorded (an sla_at_risk event) */
                        acknowledgeWarnedAt: string | null;
                        /** @description When the resolve deadline's warning was recorded (an sla_at_risk event) */
                        resolveWarnedAt: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); VERSION_CONFLICT: the incident changed since it was read (stale version); INVALID_TRANSITION: the incident cannot move to that status from its current one; CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["VersionConflictError"] | components["schemas"]["InvalidTransitionError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-notifications": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            eventId: string;
                            /** @enum {string} */
                            channel: "webhook" | "email" | "slack" | "teams" | "discord" | "mattermost" | "sms" | "voice";
                            target: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @enum {string} */
                                type: "webhook" | "email" | "slack" | "teams" | "discord" | "mattermost";
                                /** @description The target was deleted since: its name and type are as they were when it was deleted */
                                deleted: boolean;
                            } | null;
                            user: {
                                /** Format: uuid */
                                id: string;
                                email: string;
                            } | null;
                            /** @description The person's contact method the page went through; null for a target */
                            contactMethod: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @enum {string} */
                                type: "webhook" | "email" | "slack" | "teams" | "discord" | "mattermost" | "sms" | "voice";
                                /** @description Masked: enough for its person to tell which it was, never the whole address ("+****0100", "a****@example.com", "https://host/****") */
                                address: string;
                                /** @description Its person deleted it since: its name and type are as they were then, and it is never sent to again */
                                deleted: boolean;
                            } | null;
                            /** @description The delay of the person's notification rule that sent it */
                            delayMinutes: number | null;
                            /**
                             * @description pending while tries remain (the next after the exponential back-off, or later when the receiver asked so with a 429's or 503's Retry-After); failed after DELIVERY_MAX_ATTEMPTS tries, or at once on an answer no retry can fix (410 Gone; Slack's lasting refusals), as lastError says; cancelled when its target or contact method was deleted before it was delivered (not sent again, as note says)
                             * @enum {string}
                             */
                            status: "pending" | "succeeded" | "failed" | "cancelled";
                            attemptCount: number;
                            lastHttpStatus: number | null;
                            /** @description Why the last try failed: a short reason, never the URL or a secret */
                            lastError: string | null;
                            /** @description What else there is to know: why it was cancelled, or that an email was only logged (no SMTP server) */
                            note: string | null;
                            /** @description While pending: the earliest time of its next try (after the back-off, or the receiver's Retry-After when later). Its receiver's lane may make it later still: a Retry-After the receiver gave on another attempt holds every attempt to it, as does its circuit breaker. Null once it succeeded or failed */
                            nextAttemptAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            completedAt: string | null;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-tasks-list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            incidentId: string;
                            title: string;
                            assignee: {
                                /** Format: uuid */
                                id: string;
                                /** Format: email */
                                email: string;
                                name: string;
                            } | null;
                            done: boolean;
                            doneAt: string | null;
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-tasks-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    /**
                     * Format: uuid
                     * @description A member of the organisation
                     */
                    assigneeId?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        incidentId: string;
                        title: string;
                        assignee: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                        } | null;
                        done: boolean;
                        doneAt: string | null;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-tasks-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
                /** @example b6c7d8e9-f0a1-4b2c-9d3e-4f5a6b7c8d01 */
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    /** @description null: unassigned */
                    assigneeId?: string | null;
                    done?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        incidentId: string;
                        title: string;
                        assignee: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                        } | null;
                        done: boolean;
                        doneAt: string | null;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-statusUpdates-list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            incidentId: string;
                            body: string;
                            /** @enum {string} */
                            status: "investigating" | "identified" | "monitoring" | "resolved";
                            /** @description null: posted with an API key */
                            author: {
                                /** Format: uuid */
                                id: string;
                                /** Format: email */
                                email: string;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-statusUpdates-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    /**
                     * @description Default from the incident: investigating while triggered or acknowledged, monitoring once mitigated, resolved once resolved
                     * @enum {string}
                     */
                    status?: "investigating" | "identified" | "monitoring" | "resolved";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        incidentId: string;
                        body: string;
                        /** @enum {string} */
                        status: "investigating" | "identified" | "monitoring" | "resolved";
                        /** @description null: posted with an API key */
                        author: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-postmortem-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        incidentId: string;
                        summary: string;
                        impact: string;
                        rootCause: string;
                        actionItems: {
                            title: string;
                            /**
                             * @description A member of the organisation; null: nobody yet
                             * @default null
                             */
                            ownerId: string | null;
                            /** @default false */
                            done: boolean;
                        }[];
                        /** @enum {string} */
                        status: "draft" | "published";
                        /** @description 0: not saved yet; send it back with PUT */
                        version: number;
                        createdBy: string | null;
                        updatedBy: string | null;
                        createdAt: string | null;
                        updatedAt: string | null;
                        publishedAt: string | null;
                        facts: {
                            title: string;
                            /** @enum {string} */
                            severity: "sev1" | "sev2" | "sev3" | "sev4";
                            service: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /**
                             * Format: date-time
                             * @description The first trigger
                             */
                            triggeredAt: string;
                            firstAcknowledgedAt: string | null;
                            mitigatedAt: string | null;
                            resolvedAt: string | null;
                            timeToAcknowledgeSeconds: number | null;
                            timeToResolveSeconds: number | null;
                            acknowledgeDueAt: string | null;
                            resolveDueAt: string | null;
                            acknowledgeBreachedAt: string | null;
                            resolveBreachedAt: string | null;
                            alertCount: number;
                        };
                        /** @description The incident's events, oldest first, without repeated alerts */
                        timeline: {
                            /** Format: date-time */
                            at: string;
                            /** @enum {string} */
                            kind: "created" | "status_changed" | "commented" | "escalated" | "alert_repeated" | "assigned" | "unassigned" | "snoozed" | "unsnoozed" | "ack_timed_out" | "no_one_on_call" | "title_changed" | "type_changed" | "description_changed" | "severity_changed" | "sla_at_risk" | "sla_breached" | "task_created" | "task_updated" | "status_update_posted" | "postmortem_published" | "attachment_added" | "attachment_deleted";
                            summary: string;
                            actorUserId: string | null;
                        }[];
                        /** @description true: the timeline has more events than shown */
                        timelineTruncated: boolean;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-postmortem-put": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    summary: string;
                    impact: string;
                    rootCause: string;
                    actionItems: {
                        title: string;
                        /**
                         * @description A member of the organisation; null: nobody yet
                         * @default null
                         */
                        ownerId?: string | null;
                        /** @default false */
                        done?: boolean;
                    }[];
                    /** @enum {string} */
                    status: "draft" | "published";
                    /** @description The version you last read (0 for a postmortem not saved yet): a stale one is 409 VERSION_CONFLICT */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        incidentId: string;
                        summary: string;
                        impact: string;
                        rootCause: string;
                        actionItems: {
                            title: string;
                            /**
                             * @description A member of the organisation; null: nobody yet
                             * @default null
                             */
                            ownerId: string | null;
                            /** @default false */
                            done: boolean;
                        }[];
                        /** @enum {string} */
                        status: "draft" | "published";
                        /** @description 0: not saved yet; send it back with PUT */
                        version: number;
                        createdBy: string | null;
                        updatedBy: string | null;
                        createdAt: string | null;
                        updatedAt: string | null;
                        publishedAt: string | null;
                        facts: {
                            title: string;
                            /** @enum {string} */
                            severity: "sev1" | "sev2" | "sev3" | "sev4";
                            service: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /**
                             * Format: date-time
                             * @description The first trigger
                             */
                            triggeredAt: string;
                            firstAcknowledgedAt: string | null;
                            mitigatedAt: string | null;
                            resolvedAt: string | null;
                            timeToAcknowledgeSeconds: number | null;
                            timeToResolveSeconds: number | null;
                            acknowledgeDueAt: string | null;
                            resolveDueAt: string | null;
                            acknowledgeBreachedAt: string | null;
                            resolveBreachedAt: string | null;
                            alertCount: number;
                        };
                        /** @description The incident's events, oldest first, without repeated alerts */
                        timeline: {
                            /** Format: date-time */
                            at: string;
                            /** @enum {string} */
                            kind: "created" | "status_changed" | "commented" | "escalated" | "alert_repeated" | "assigned" | "unassigned" | "snoozed" | "unsnoozed" | "ack_timed_out" | "no_one_on_call" | "title_changed" | "type_changed" | "description_changed" | "severity_changed" | "sla_at_risk" | "sla_breached" | "task_created" | "task_updated" | "status_update_posted" | "postmortem_published" | "attachment_added" | "attachment_deleted";
                            summary: string;
                            actorUserId: string | null;
                        }[];
                        /** @description true: the timeline has more events than shown */
                        timelineTruncated: boolean;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); VERSION_CONFLICT: the incident changed since it was read (stale version); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["VersionConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-postmortem-markdown": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": string;
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-attachments-limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The largest file accepted (ATTACHMENT_MAX_BYTES); a larger one is 413 PAYLOAD_TOO_LARGE */
                        maxBytes: number;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-attachments-list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            incidentId: string;
                            /** @description As uploaded, sanitised: no path, no control characters */
                            fileName: string;
                            /** @description Sniffed from the bytes (the upload's own claim is ignored) */
                            contentType: string;
                            sizeBytes: number;
                            /** @description Hex SHA-256 of the bytes, to check a copy against */
                            sha256: string;
                            /** @description null: uploaded with an API key */
                            uploadedBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description GET it (with the same credentials) for the bytes, as an attachment */
                            downloadPath: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-attachments-upload": {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The file
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Created: the attachment */
            201: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        incidentId: string;
                        /** @description As uploaded, sanitised: no path, no control characters */
                        fileName: string;
                        /** @description Sniffed from the bytes (the upload's own claim is ignored) */
                        contentType: string;
                        sizeBytes: number;
                        /** @description Hex SHA-256 of the bytes, to check a copy against */
                        sha256: string;
                        /** @description null: uploaded with an API key */
                        uploadedBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description GET it (with the same credentials) for the bytes, as an attachment */
                        downloadPath: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-attachments-download": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
                /** @example d8e9f0a1-b2c3-4d4e-9f5a-6b7c8d9e0f01 */
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes */
            200: {
                headers: {
                    /** @description attachment, e.g. attachment; filename="screenshot.png" */
                    "Content-Disposition"?: string;
                    /** @description nosniff */
                    "X-Content-Type-Options"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-attachments-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
                /** @example d8e9f0a1-b2c3-4d4e-9f5a-6b7c8d9e0f01 */
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "incidents-changeEvents-list": {
        parameters: {
            query?: {
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path: {
                /** @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01 */
                incidentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            serviceId: string;
                            /** @description null once the integration key that received it is deleted */
                            integrationId: string | null;
                            summary: string;
                            source: string | null;
                            /**
                             * Format: date-time
                             * @description The sender's timestamp, or the time of arrival when it sent none this service can read
                             */
                            occurredAt: string;
                            /** Format: date-time */
                            receivedAt: string;
                            /** @description As sent (`payload.custom_details`); null when none */
                            customDetails: unknown;
                            links: {
                                href: string;
                                text?: string;
                            }[];
                            /** @description What was sent but could not be used as is (an unreadable timestamp) */
                            notes: string[];
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "integrations-list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            serviceId: string;
                            name: string;
                            /** @description Set it as the routing_key of PagerDuty Events v2 clients, or in the Alertmanager, Grafana or webhook URL */
                            routingKey: string;
                            /**
                             * @description group: one incident per Alertmanager/Grafana group (groupKey); alert: one per alert fingerprint
                             * @enum {string}
                             */
                            grouping: "group" | "alert";
                            /** @description Whether Grafana requests must carry a valid X-Grafana-Alerting-Signature (the secret itself is never returned) */
                            signingSecretSet: boolean;
                            /** @description How the generic JSON webhook reads payloads; null: the webhook refuses them */
                            mapping: {
                                /** @description Alerts with the same value count on one open incident; without it every trigger opens a new one and resolve cannot find it */
                                dedupKey?: string;
                                /** @description The incident's title (required in every payload) */
                                title: string;
                                /** @description Without it, every incident is sev3 */
                                severity?: {
                                    /** @description A JSON Pointer (RFC 6901) into the received payload, e.g. /alert/id */
                                    pointer: string;
                                    /**
                                     * @description Received value -> severity; values not listed (or a missing field) get `default`
                                     * @default {}
                                     */
                                    values: {
                                        [key: string]: "sev1" | "sev2" | "sev3" | "sev4";
                                    };
                                    /**
                                     * @default sev3
                                     * @enum {string}
                                     */
                                    default: "sev1" | "sev2" | "sev3" | "sev4";
                                };
                                /** @description Without it, every payload triggers */
                                action?: {
                                    /** @description A JSON Pointer (RFC 6901) into the received payload, e.g. /alert/id */
                                    pointer: string;
                                    /**
                                     * @description Values that trigger; empty: every value not listed under resolve or acknowledge triggers
                                     * @default []
                                     */
                                    trigger: string[];
                                    /** @default [] */
                                    resolve: string[];
                                    /** @default [] */
                                    acknowledge: string[];
                                };
                            } | null;
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "integrations-create": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        serviceId: string;
                        name: string;
                        /** @description Set it as the routing_key of PagerDuty Events v2 clients, or in the Alertmanager, Grafana or webhook URL */
                        routingKey: string;
                        /**
                         * @description group: one incident per Alertmanager/Grafana group (groupKey); alert: one per alert fingerprint
                         * @enum {string}
                         */
                        grouping: "group" | "alert";
                        /** @description Whether Grafana requests must carry a valid X-Grafana-Alerting-Signature (the secret itself is never returned) */
                        signingSecretSet: boolean;
                        /** @description How the generic JSON webhook reads payloads; null: the webhook refuses them */
                        mapping: {
                            /** @description Alerts with the same value count on one open incident; without it every trigger opens a new one and resolve cannot find it */
                            dedupKey?: string;
                            /** @description The incident's title (required in every payload) */
                            title: string;
                            /** @description Without it, every incident is sev3 */
                            severity?: {
                                /** @description A JSON Pointer (RFC 6901) into the received payload, e.g. /alert/id */
                                pointer: string;
                                /**
                                 * @description Received value -> severity; values not listed (or a missing field) get `default`
                                 * @default {}
                                 */
                                values: {
                                    [key: string]: "sev1" | "sev2" | "sev3" | "sev4";
                                };
                                /**
                                 * @default sev3
                                 * @enum {string}
                                 */
                                default: "sev1" | "sev2" | "sev3" | "sev4";
                            };
                            /** @description Without it, every payload triggers */
                            action?: {
                                /** @description A JSON Pointer (RFC 6901) into the received payload, e.g. /alert/id */
                                pointer: string;
                                /**
                                 * @description Values that trigger; empty: every value not listed under resolve or acknowledge triggers
                                 * @default []
                                 */
                                trigger: string[];
                                /** @default [] */
                                resolve: string[];
                                /** @default [] */
                                acknowledge: string[];
                            };
                        } | null;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "integrations-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
                /** @example d2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f01 */
                integrationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "integrations-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example 9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c01 */
                serviceId: string;
                /** @example d2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f01 */
                integrationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description group: one incident per Alertmanager/Grafana group (groupKey); alert: one per alert fingerprint
                     * @enum {string}
                     */
                    grouping?: "group" | "alert";
                    /** @description Grafana's HMAC secret (write-only); null removes it */
                    signingSecret?: string | null;
                    mapping?: {
                        /** @description Alerts with the same value count on one open incident; without it every trigger opens a new one and resolve cannot find it */
                        dedupKey?: string;
                        /** @description The incident's title (required in every payload) */
                        title: string;
                        /** @description Without it, every incident is sev3 */
                        severity?: {
                            /** @description A JSON Pointer (RFC 6901) into the received payload, e.g. /alert/id */
                            pointer: string;
                            /**
                             * @description Received value -> severity; values not listed (or a missing field) get `default`
                             * @default {}
                             */
                            values?: {
                                [key: string]: "sev1" | "sev2" | "sev3" | "sev4";
                            };
                            /**
                             * @default sev3
                             * @enum {string}
                             */
                            default?: "sev1" | "sev2" | "sev3" | "sev4";
                        };
                        /** @description Without it, every payload triggers */
                        action?: {
                            /** @description A JSON Pointer (RFC 6901) into the received payload, e.g. /alert/id */
                            pointer: string;
                            /**
                             * @description Values that trigger; empty: every value not listed under resolve or acknowledge triggers
                             * @default []
                             */
                            trigger?: string[];
                            /** @default [] */
                            resolve?: string[];
                            /** @default [] */
                            acknowledge?: string[];
                        };
                    } | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        serviceId: string;
                        name: string;
                        /** @description Set it as the routing_key of PagerDuty Events v2 clients, or in the Alertmanager, Grafana or webhook URL */
                        routingKey: string;
                        /**
                         * @description group: one incident per Alertmanager/Grafana group (groupKey); alert: one per alert fingerprint
                         * @enum {string}
                         */
                        grouping: "group" | "alert";
                        /** @description Whether Grafana requests must carry a valid X-Grafana-Alerting-Signature (the secret itself is never returned) */
                        signingSecretSet: boolean;
                        /** @description How the generic JSON webhook reads payloads; null: the webhook refuses them */
                        mapping: {
                            /** @description Alerts with the same value count on one open incident; without it every trigger opens a new one and resolve cannot find it */
                            dedupKey?: string;
                            /** @description The incident's title (required in every payload) */
                            title: string;
                            /** @description Without it, every incident is sev3 */
                            severity?: {
                                /** @description A JSON Pointer (RFC 6901) into the received payload, e.g. /alert/id */
                                pointer: string;
                                /**
                                 * @description Received value -> severity; values not listed (or a missing field) get `default`
                                 * @default {}
                                 */
                                values: {
                                    [key: string]: "sev1" | "sev2" | "sev3" | "sev4";
                                };
                                /**
                                 * @default sev3
                                 * @enum {string}
                                 */
                                default: "sev1" | "sev2" | "sev3" | "sev4";
                            };
                            /** @description Without it, every payload triggers */
                            action?: {
                                /** @description A JSON Pointer (RFC 6901) into the received payload, e.g. /alert/id */
                                pointer: string;
                                /**
                                 * @description Values that trigger; empty: every value not listed under resolve or acknowledge triggers
                                 * @default []
                                 */
                                trigger: string[];
                                /** @default [] */
                                resolve: string[];
                                /** @default [] */
                                acknowledge: string[];
                            };
                        } | null;
                        createdBy: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "integrations-mappingPresets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** @enum {string} */
                            id: "kibana" | "datadog";
                            name: string;
                            mapping: {
                                /** @description Alerts with the same value count on one open incident; without it every trigger opens a new one and resolve cannot find it */
                                dedupKey?: string;
                                /** @description The incident's title (required in every payload) */
                                title: string;
                                /** @description Without it, every incident is sev3 */
                                severity?: {
                                    /** @description A JSON Pointer (RFC 6901) into the received payload, e.g. /alert/id */
                                    pointer: string;
                                    /**
                                     * @description Received value -> severity; values not listed (or a missing field) get `default`
                                     * @default {}
                                     */
                                    values: {
                                        [key: string]: "sev1" | "sev2" | "sev3" | "sev4";
                                    };
                                    /**
                                     * @default sev3
                                     * @enum {string}
                                     */
                                    default: "sev1" | "sev2" | "sev3" | "sev4";
                                };
                                /** @description Without it, every payload triggers */
                                action?: {
                                    /** @description A JSON Pointer (RFC 6901) into the received payload, e.g. /alert/id */
                                    pointer: string;
                                    /**
                                     * @description Values that trigger; empty: every value not listed under resolve or acknowledge triggers
                                     * @default []
                                     */
                                    trigger: string[];
                                    /** @default [] */
                                    resolve: string[];
                                    /** @default [] */
                                    acknowledge: string[];
                                };
                            };
                            /** @description The body to configure in the sending tool */
                            payloadTemplate: string;
                        }[];
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "users-me-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description IANA time zone name, e.g. Europe/Berlin */
                    timeZone?: string;
                    /** @description Minutes before each on-call shift to be reminded (null: no reminder) */
                    handoffReminderMinutes?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: email */
                        email: string;
                        name: string;
                        /** @description IANA time zone: shifts, reminders and off-hours are read on it */
                        timeZone: string;
                        /** @description How long before each on-call shift you are reminded of it (null: no reminder) */
                        handoffReminderMinutes: number | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "users-me-oncall": {
        parameters: {
            query?: {
                /** @example 2025-03-14T00:00:00Z */
                since?: string;
                /** @example 2025-03-21T00:00:00Z */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Your stretches on call in the range, by start; each cut at the range */
                        items: {
                            /** Format: uuid */
                            scheduleId: string;
                            scheduleName: string;
                            /** @description The schedule's time zone */
                            timeZone: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                        }[];
                        /** Format: date-time */
                        since: string;
                        /** Format: date-time */
                        until: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "users-me-calendarFeeds-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description Only this schedule (null: your shifts on every schedule) */
                            scheduleId: string | null;
                            /** @description Everyone's shifts on the schedule, not only yours */
                            fullSchedule: boolean;
                            /** @description The first characters of the secret, to tell feeds apart */
                            prefix: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description When a calendar last fetched it */
                            lastUsedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "users-me-calendarFeeds-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default My on-call shifts */
                    name?: string;
                    /**
                     * Format: uuid
                     * @description Only this schedule (absent: your shifts on every schedule)
                     */
                    scheduleId?: string;
                    /**
                     * @description With scheduleId: everyone's shifts on that schedule
                     * @default false
                     */
                    fullSchedule?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @description Only this schedule (null: your shifts on every schedule) */
                        scheduleId: string | null;
                        /** @description Everyone's shifts on the schedule, not only yours */
                        fullSchedule: boolean;
                        /** @description The first characters of the secret, to tell feeds apart */
                        prefix: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description When a calendar last fetched it */
                        lastUsedAt: string | null;
                        /** @description Shown once: the feed's token */
                        secret: string;
                        /**
                         * Format: uri
                         * @description Shown once: the secret address to subscribe to in any calendar app (GET, text/calendar)
                         */
                        url: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "users-me-calendarFeeds-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example f0a1b2c3-d4e5-4f6a-9b7c-8d9e0f1a2b01 */
                feedId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "users-me-notificationPreferences-get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The event kinds you want to be told about */
                        eventKinds: ("triggered" | "acknowledged" | "mitigated" | "resolved" | "escalated" | "commented" | "severity_changed" | "updated" | "sla_at_risk" | "sla_breached" | "status_update")[];
                        updatedAt: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "users-me-notificationPreferences-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    eventKinds: ("triggered" | "acknowledged" | "mitigated" | "resolved" | "escalated" | "commented" | "severity_changed" | "updated" | "sla_at_risk" | "sla_breached" | "status_update")[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The event kinds you want to be told about */
                        eventKinds: ("triggered" | "acknowledged" | "mitigated" | "resolved" | "escalated" | "commented" | "severity_changed" | "updated" | "sla_at_risk" | "sla_breached" | "status_update")[];
                        updatedAt: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "users-me-contactMethods-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            type: "email" | "slack" | "webhook" | "sms" | "voice";
                            name: string;
                            /** @description An email address, a URL (a Slack URL's secret path is masked) or an E.164 phone number */
                            address: string;
                            /** @description The account's own email: there from the start, cannot be deleted */
                            isAccountEmail: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "users-me-contactMethods-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "email" | "slack" | "webhook" | "sms" | "voice";
                    /** @description What you call it, e.g. "Work phone" */
                    name: string;
                    address: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        type: "email" | "slack" | "webhook" | "sms" | "voice";
                        name: string;
                        /** @description An email address, a URL (a Slack URL's secret path is masked) or an E.164 phone number */
                        address: string;
                        /** @description The account's own email: there from the start, cannot be deleted */
                        isAccountEmail: boolean;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description webhook only: the whsec_ signing secret of its deliveries, shown once */
                        secret?: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason); CHANNEL_NOT_CONFIGURED: this deployment cannot send SMS or voice calls (no Twilio configuration) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"] | components["schemas"]["ChannelNotConfiguredError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "users-me-contactMethods-delete": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @example a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c02 */
                contactMethodId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "users-me-notificationRules-get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description In the order they fire: by delay */
                        rules: {
                            /** Format: uuid */
                            contactMethodId: string;
                            /** @description Minutes after the page; 0: at once */
                            delayMinutes: number;
                        }[];
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "users-me-notificationRules-update": {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes this write safe to send again: the same caller sending the same key within 24 hours gets the first call's answer back (with `Idempotent-Replayed: true`) instead of a second change; a call still running is waited for. A failed call keeps nothing, so sending it again runs it again. The same key with a different request is 422 IDEMPOTENCY_KEY_REUSED. 1-255 visible ASCII characters, e.g. a UUID. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rules: {
                        /** Format: uuid */
                        contactMethodId: string;
                        /** @description Minutes after the page; 0: at once */
                        delayMinutes: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description `true` when this answer is a replay of the first answer to the request's Idempotency-Key (nothing changed this time) */
                    "Idempotent-Replayed"?: "true";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description In the order they fire: by delay */
                        rules: {
                            /** Format: uuid */
                            contactMethodId: string;
                            /** @description Minutes after the page; 0: at once */
                            delayMinutes: number;
                        }[];
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; INVALID_IDEMPOTENCY_KEY: the Idempotency-Key header is malformed, or sent to an operation whose answer holds a secret shown once (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["InvalidIdempotencyKeyError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with a different request in the last 24 hours; nothing changed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdempotencyKeyReusedError"];
                };
            };
            /** @description QUOTA_EXCEEDED: the organisation used its daily write quota (see Retry-After: 00:00 UTC) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuotaExceededError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "auditLogs-list": {
        parameters: {
            query?: {
                /** @example api_key.created */
                action?: string;
                actorId?: string;
                cursor?: string;
                /** @example 20 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /** @description What happened, e.g. notification_target.created or escalation_policy.deleted */
                            action: string;
                            actor: {
                                /** @enum {string} */
                                type: "user" | "api_key" | "anonymous";
                                /** @description The user or API key; null for an anonymous actor */
                                id: string | null;
                            };
                            /** @description What it was done to, if anything */
                            target: {
                                type: string;
                                id: string;
                            } | null;
                            /** @description The x-request-id of the request that did it */
                            requestId: string | null;
                            ip: string | null;
                            /** @description Details of the action (never a secret) */
                            data: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "usage-get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Write calls allowed per UTC day; null: unlimited */
                        quota: number | null;
                        today: {
                            /**
                             * Format: date
                             * @description UTC date
                             */
                            day: string;
                            writeCalls: number;
                            /** @description Write calls left today; null: unlimited */
                            remaining: number | null;
                            /**
                             * Format: date-time
                             * @description When the next UTC day (and its quota) starts
                             */
                            resetsAt: string;
                        };
                        /** @description The last 30 UTC days, today first; days without calls count 0 */
                        days: {
                            /**
                             * Format: date
                             * @description UTC date
                             */
                            day: string;
                            writeCalls: number;
                        }[];
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "live-tickets-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Send as tRPC's connectionParams `{ "ticket": "..." }` of the `live.incidents` subscription: it opens one stream, once */
                        ticket: string;
                        /**
                         * Format: date-time
                         * @description Unused by then, it opens nothing: ask for a new one at every (re)connection
                         */
                        expiresAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "analytics-incidents": {
        parameters: {
            query?: {
                /** @example 2025-03-01T00:00:00.000Z */
                since?: string;
                /** @example 2025-03-15T00:00:00.000Z */
                until?: string;
                /** @example day */
                groupBy?: "service" | "team" | "severity" | "type" | "day" | "week";
                serviceId?: string;
                teamId?: string;
                severity?: "sev1" | "sev2" | "sev3" | "sev4";
                type?: string;
                /** @example Europe/London */
                timeZone?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        since: string;
                        /** Format: date-time */
                        until: string;
                        /** @enum {string} */
                        groupBy: "service" | "team" | "severity" | "type" | "day" | "week";
                        timeZone: string;
                        totals: {
                            /** @description Incidents first triggered in the window (and the group) */
                            count: number;
                            /** @description Of them, acknowledged (explicitly, by a person or an integration) */
                            acknowledged: number;
                            resolved: number;
                            /** @description First trigger to first acknowledgement, over the acknowledged ones */
                            mtta: {
                                mean: number | null;
                                p50: number | null;
                                p90: number | null;
                                p95: number | null;
                            };
                            /** @description First trigger to resolution, over the resolved ones */
                            mttr: {
                                mean: number | null;
                                p50: number | null;
                                p90: number | null;
                                p95: number | null;
                            };
                            escalations: {
                                /** @description Escalations to a next level because nobody acknowledged in time */
                                timeout: number;
                                /** @description Escalations someone asked for */
                                manual: number;
                            };
                            /** @description Of the incidents with an acknowledge target whose outcome is known (responded to, or past due), the share responded to in time; null: none */
                            ackSlaMetPercent: number | null;
                            /** @description The same for the resolve target */
                            resolveSlaMetPercent: number | null;
                        };
                        /** @description day and week: every bucket of the window in order, empty ones included; service, team, type: by count, most first; severity: sev1 first, those with incidents */
                        groups: {
                            /** @description Incidents first triggered in the window (and the group) */
                            count: number;
                            /** @description Of them, acknowledged (explicitly, by a person or an integration) */
                            acknowledged: number;
                            resolved: number;
                            /** @description First trigger to first acknowledgement, over the acknowledged ones */
                            mtta: {
                                mean: number | null;
                                p50: number | null;
                                p90: number | null;
                                p95: number | null;
                            };
                            /** @description First trigger to resolution, over the resolved ones */
                            mttr: {
                                mean: number | null;
                                p50: number | null;
                                p90: number | null;
                                p95: number | null;
                            };
                            escalations: {
                                /** @description Escalations to a next level because nobody acknowledged in time */
                                timeout: number;
                                /** @description Escalations someone asked for */
                                manual: number;
                            };
                            /** @description Of the incidents with an acknowledge target whose outcome is known (responded to, or past due), the share responded to in time; null: none */
                            ackSlaMetPercent: number | null;
                            /** @description The same for the resolve target */
                            resolveSlaMetPercent: number | null;
                            /** @description day: 2025-03-14; week: its Monday, 2025-03-10; service, team: its id (team: `none` for services of no team); severity: sev1..sev4; type: the type (`none` for incidents of no type) */
                            key: string;
                            /** @description For people: the date, the service's or team's name (No team), SEV1 ..., the type (No type) */
                            label: string;
                            /** @description day and week: the instant the bucket starts (in timeZone); else null */
                            start: string | null;
                        }[];
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "analytics-incidentsCsv": {
        parameters: {
            query?: {
                /** @example 2025-03-01T00:00:00.000Z */
                since?: string;
                /** @example 2025-03-15T00:00:00.000Z */
                until?: string;
                /** @example service */
                groupBy?: "service" | "team" | "severity" | "type" | "day" | "week";
                serviceId?: string;
                teamId?: string;
                severity?: "sev1" | "sev2" | "sev3" | "sev4";
                type?: string;
                timeZone?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    /** @description attachment, e.g. attachment; filename="incident-analytics.csv" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "analytics-responders": {
        parameters: {
            query?: {
                /** @example 2025-03-01T00:00:00.000Z */
                since?: string;
                /** @example 2025-03-15T00:00:00.000Z */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        since: string;
                        /** Format: date-time */
                        until: string;
                        totals: {
                            pagesReceived: number;
                            incidentsAcknowledged: number;
                            /** @description Pages received, by the hour each arrived (its first notification sent) in the person's own time zone */
                            interruptions: {
                                /** @description 08:00-18:00, Monday to Friday */
                                business: number;
                                /** @description 18:00-22:00 Monday to Friday, and 08:00-22:00 at weekends */
                                offHours: number;
                                /** @description 22:00-08:00, every day */
                                sleep: number;
                            };
                        };
                        /** @description Everyone paged or acknowledging in the window, most paged first */
                        items: {
                            user: {
                                /** Format: uuid */
                                id: string;
                                /** Format: email */
                                email: string;
                                name: string;
                            };
                            /** @description The zone the hours were read in: the person's own */
                            timeZone: string;
                            /** @description Pages that reached the person in the window: each event paging them (an escalation level, an assignment) of which at least one notification was sent, once however many contact methods it went through; one whose every notification failed, is pending or was cancelled is not counted */
                            pagesReceived: number;
                            /** @description Incidents the person acknowledged in the window */
                            incidentsAcknowledged: number;
                            /** @description Pages received, by the hour each arrived (its first notification sent) in the person's own time zone */
                            interruptions: {
                                /** @description 08:00-18:00, Monday to Friday */
                                business: number;
                                /** @description 18:00-22:00 Monday to Friday, and 08:00-22:00 at weekends */
                                offHours: number;
                                /** @description 22:00-08:00, every day */
                                sleep: number;
                            };
                        }[];
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "oncalls-list": {
        parameters: {
            query?: {
                /** @example 2025-03-14T13:00:00Z */
                at?: string;
                scheduleId?: string;
                userId?: string;
                escalationPolicyId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Schedules by name, then escalation policies by name and level */
                        items: {
                            /** Format: uuid */
                            userId: string;
                            /** @description The schedule they are on call through (null: named on a level, directly or through a team) */
                            scheduleId: string | null;
                            /** @description The policy whose level pages them (null: a schedule no policy names) */
                            escalationPolicyId: string | null;
                            /** @description That level, from 1 */
                            level: number | null;
                            /**
                             * Format: date-time
                             * @description Since when (a schedule looks back at most 93 days; someone named on a level, or in a team a level names: `at`)
                             */
                            start: string;
                            /** @description Until when (null: not within 93 days, or for as long as they are named on the level) */
                            end: string | null;
                        }[];
                        /** @description Everyone the items name */
                        people: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description CONCURRENT_CHANGE: a concurrent change conflicted with this one, again after the API's own retries; it changed nothing: retry (see Retry-After) */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrentChangeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "session-login": {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description CSRF protection: always 1
                 * @example 1
                 */
                "x-incidentops-csrf": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                    /** Format: uuid */
                    orgId?: string;
                };
            };
        };
        responses: {
            /** @description Signed in: the access token (the refresh token is in the Set-Cookie header) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description access token lifetime in seconds */
                        expiresIn: number;
                        user: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                            /** @description IANA time zone: shifts, reminders and off-hours are read on it */
                            timeZone: string;
                            /** @description How long before each on-call shift you are reminded of it (null: no reminder) */
                            handoffReminderMinutes: number | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                        org: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            role: "viewer" | "member" | "admin";
                        };
                    };
                };
            };
            /** @description MALFORMED_JSON: the body is not valid JSON; VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MalformedJsonError"] | components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description INVALID_CREDENTIALS: the email or password is wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvalidCredentialsError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After); LOGIN_LOCKED: too many failed logins for this account (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"] | components["schemas"]["LoginLockedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "session-register": {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description CSRF protection: always 1
                 * @example 1
                 */
                "x-incidentops-csrf": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    /** @description 8 to 256 characters, not only whitespace, not the account's email */
                    password: string;
                    name: string;
                    orgName: string;
                };
            };
        };
        responses: {
            /** @description Signed in: the access token (the refresh token is in the Set-Cookie header) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description access token lifetime in seconds */
                        expiresIn: number;
                        user: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                            /** @description IANA time zone: shifts, reminders and off-hours are read on it */
                            timeZone: string;
                            /** @description How long before each on-call shift you are reminded of it (null: no reminder) */
                            handoffReminderMinutes: number | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                        org: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            role: "viewer" | "member" | "admin";
                        };
                    };
                };
            };
            /** @description MALFORMED_JSON: the body is not valid JSON; VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MalformedJsonError"] | components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description EMAIL_TAKEN: an account with this email exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailTakenError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "session-acceptInvitation": {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description CSRF protection: always 1
                 * @example 1
                 */
                "x-incidentops-csrf": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    /** @description Required when no account exists for the invited email */
                    name?: string;
                    /** @description 8 to 256 characters, not only whitespace, not the account's email */
                    password: string;
                };
            };
        };
        responses: {
            /** @description Signed in: the access token (the refresh token is in the Set-Cookie header) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description access token lifetime in seconds */
                        expiresIn: number;
                        user: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                            /** @description IANA time zone: shifts, reminders and off-hours are read on it */
                            timeZone: string;
                            /** @description How long before each on-call shift you are reminded of it (null: no reminder) */
                            handoffReminderMinutes: number | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                        org: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            role: "viewer" | "member" | "admin";
                        };
                    };
                };
            };
            /** @description MALFORMED_JSON: the body is not valid JSON; VALIDATION_FAILED: the input is invalid (details.fields says where); INVALID_TOKEN: the single-use token is invalid, expired or already used */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MalformedJsonError"] | components["schemas"]["ValidationFailedError"] | components["schemas"]["InvalidTokenError"];
                };
            };
            /** @description INVALID_CREDENTIALS: the email or password is wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvalidCredentialsError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description CONFLICT: the change conflicts with the current state (or something it refers to was removed meanwhile); EMAIL_TAKEN: an account with this email exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"] | components["schemas"]["EmailTakenError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "session-refresh": {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description CSRF protection: always 1
                 * @example 1
                 */
                "x-incidentops-csrf": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed in: the access token (the refresh token is in the Set-Cookie header) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description access token lifetime in seconds */
                        expiresIn: number;
                        user: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                            /** @description IANA time zone: shifts, reminders and off-hours are read on it */
                            timeZone: string;
                            /** @description How long before each on-call shift you are reminded of it (null: no reminder) */
                            handoffReminderMinutes: number | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                        org: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            role: "viewer" | "member" | "admin";
                        };
                    };
                };
            };
            /** @description MALFORMED_JSON: the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MalformedJsonError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "session-switchOrg": {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description CSRF protection: always 1
                 * @example 1
                 */
                "x-incidentops-csrf": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    orgId: string;
                };
            };
        };
        responses: {
            /** @description Signed in: the access token (the refresh token is in the Set-Cookie header) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description access token lifetime in seconds */
                        expiresIn: number;
                        user: {
                            /** Format: uuid */
                            id: string;
                            /** Format: email */
                            email: string;
                            name: string;
                            /** @description IANA time zone: shifts, reminders and off-hours are read on it */
                            timeZone: string;
                            /** @description How long before each on-call shift you are reminded of it (null: no reminder) */
                            handoffReminderMinutes: number | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                        org: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @enum {string} */
                            role: "viewer" | "member" | "admin";
                        };
                    };
                };
            };
            /** @description MALFORMED_JSON: the body is not valid JSON; VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MalformedJsonError"] | components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "session-changePassword": {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description CSRF protection: always 1
                 * @example 1
                 */
                "x-incidentops-csrf": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    /** @description 8 to 256 characters, not only whitespace, not the account's email */
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description MALFORMED_JSON: the body is not valid JSON; VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MalformedJsonError"] | components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership); INVALID_CREDENTIALS: the email or password is wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"] | components["schemas"]["InvalidCredentialsError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "session-logout": {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description CSRF protection: always 1
                 * @example 1
                 */
                "x-incidentops-csrf": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description MALFORMED_JSON: the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MalformedJsonError"];
                };
            };
            /** @description UNAUTHORIZED: no valid credentials (a missing, invalid or expired token, or an ended membership) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedError"];
                };
            };
            /** @description FORBIDDEN: the caller's role (or API key) does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "alerts-pagerduty-enqueue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PagerDutyEvent"];
            };
        };
        responses: {
            /** @description Accepted: the event was processed */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyAccepted"];
                };
            };
            /** @description PagerDuty's "invalid event" */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "invalid event" */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "throttle event" */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "error" */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "error" */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
        };
    };
    "alerts-pagerduty-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PagerDutyEvent"];
            };
        };
        responses: {
            /** @description Accepted: the event was processed */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyAccepted"];
                };
            };
            /** @description PagerDuty's "invalid event" */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "invalid event" */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "throttle event" */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "error" */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "error" */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
        };
    };
    "alerts-pagerduty-change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PagerDutyChangeEvent"];
            };
        };
        responses: {
            /** @description Accepted: the event was processed */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyChangeAccepted"];
                };
            };
            /** @description PagerDuty's "invalid event" */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "invalid event" */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "throttle event" */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "error" */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "error" */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
        };
    };
    "alerts-pagerduty-v1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PagerDutyV1Event"];
            };
        };
        responses: {
            /** @description Accepted: the event was processed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyV1Accepted"];
                };
            };
            /** @description PagerDuty's "invalid event" */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "throttle event" */
            403: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "invalid event" */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "error" */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
            /** @description PagerDuty's "error" */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PagerDutyError"];
                };
            };
        };
    };
    "alerts-opsgenie-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpsgenieCreateAlert"];
            };
        };
        responses: {
            /** @description Accepted: its outcome is at GET /v2/alerts/requests/{requestId} */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieAccepted"];
                };
            };
            /** @description Opsgenie's "Invalid JSON body" */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Could not authenticate" */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Request body is over 262144 bytes" */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Request body is not processable. Please check the errors." */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "You are making too many requests! To avoid errors, please retry after the Retry-After seconds." */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Internal server error: retry" */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Service unavailable: retry after the Retry-After seconds" */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
        };
    };
    "alerts-opsgenie-acknowledge": {
        parameters: {
            query?: {
                /** @description id: the incident's id; alias: its alias (dedup key: the open incident, else the latest); tiny: its tiny id (a number per organisation, given when an Opsgenie request first touches the incident) */
                identifierType?: "id" | "alias" | "tiny";
            };
            header?: never;
            path: {
                /**
                 * @description The alert: its id, alias or tiny id (see identifierType)
                 * @example disk-full/db-1
                 */
                identifier: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    user?: string;
                    source?: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Accepted: its outcome is at GET /v2/alerts/requests/{requestId} */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieAccepted"];
                };
            };
            /** @description Opsgenie's "Invalid JSON body" */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Could not authenticate" */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Request body is over 262144 bytes" */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Request body is not processable. Please check the errors." */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "You are making too many requests! To avoid errors, please retry after the Retry-After seconds." */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Internal server error: retry" */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Service unavailable: retry after the Retry-After seconds" */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
        };
    };
    "alerts-opsgenie-close": {
        parameters: {
            query?: {
                /** @description id: the incident's id; alias: its alias (dedup key: the open incident, else the latest); tiny: its tiny id (a number per organisation, given when an Opsgenie request first touches the incident) */
                identifierType?: "id" | "alias" | "tiny";
            };
            header?: never;
            path: {
                /**
                 * @description The alert: its id, alias or tiny id (see identifierType)
                 * @example 42
                 */
                identifier: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    user?: string;
                    source?: string;
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Accepted: its outcome is at GET /v2/alerts/requests/{requestId} */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieAccepted"];
                };
            };
            /** @description Opsgenie's "Invalid JSON body" */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Could not authenticate" */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Request body is over 262144 bytes" */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Request body is not processable. Please check the errors." */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "You are making too many requests! To avoid errors, please retry after the Retry-After seconds." */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Internal server error: retry" */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Service unavailable: retry after the Retry-After seconds" */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
        };
    };
    "alerts-opsgenie-notes": {
        parameters: {
            query?: {
                /** @description id: the incident's id; alias: its alias (dedup key: the open incident, else the latest); tiny: its tiny id (a number per organisation, given when an Opsgenie request first touches the incident) */
                identifierType?: "id" | "alias" | "tiny";
            };
            header?: never;
            path: {
                /**
                 * @description The alert: its id, alias or tiny id (see identifierType)
                 * @example c4d5e6f7-8a9b-4c0d-9e1f-2a3b4c5d6e01
                 */
                identifier: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    user?: string;
                    source?: string;
                    note: string;
                };
            };
        };
        responses: {
            /** @description Accepted: its outcome is at GET /v2/alerts/requests/{requestId} */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieAccepted"];
                };
            };
            /** @description Opsgenie's "Invalid JSON body" */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Could not authenticate" */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Request body is over 262144 bytes" */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Request body is not processable. Please check the errors." */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "You are making too many requests! To avoid errors, please retry after the Retry-After seconds." */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Internal server error: retry" */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Service unavailable: retry after the Retry-After seconds" */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
        };
    };
    "alerts-opsgenie-request": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The requestId of the 202 answer
                 * @example c4b6f0a2-5d3e-4f1a-9b8c-7e6d5c4b3a21
                 */
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the request did */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieRequestStatus"];
                };
            };
            /** @description Opsgenie's "Could not authenticate" */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Request not found. It might not be processed, yet." */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Request body is not processable. Please check the errors." */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Internal server error: retry" */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
            /** @description Opsgenie's "Service unavailable: retry after the Retry-After seconds" */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpsgenieError"];
                };
            };
        };
    };
    "alerts-alertmanager": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An integration key of the service
                 * @example 0f3c8a1e9b7d4c2a8e6f1b3d5a7c9e0f
                 */
                routingKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AlertmanagerPayload"];
            };
        };
        responses: {
            /** @description Accepted: what each alert (or the group) did */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertmanagerAccepted"];
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "alerts-grafana": {
        parameters: {
            query?: never;
            header?: {
                /** @description Hex HMAC-SHA256 (required when the integration has a signingSecret) */
                "X-Grafana-Alerting-Signature"?: string;
                /** @description Unix seconds, signed with the body as `timestamp:body` */
                "X-Grafana-Alerting-Signature-Timestamp"?: string;
            };
            path: {
                /**
                 * @description An integration key of the service
                 * @example 0f3c8a1e9b7d4c2a8e6f1b3d5a7c9e0f
                 */
                routingKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrafanaPayload"];
            };
        };
        responses: {
            /** @description Accepted: what each alert (or the group) did */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertmanagerAccepted"];
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"];
                };
            };
            /** @description INVALID_SIGNATURE: the integration has a signing secret and the request's HMAC signature is missing, wrong or stale */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvalidSignatureError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "alerts-webhook": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An integration key of the service
                 * @example 0f3c8a1e9b7d4c2a8e6f1b3d5a7c9e0f
                 */
                routingKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Accepted: what each alert (or the group) did */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAccepted"];
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where); MALFORMED_JSON: the body is not valid JSON; UNMAPPED_PAYLOAD: the generic webhook's mapping cannot read the payload (or the integration has no mapping) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"] | components["schemas"]["MalformedJsonError"] | components["schemas"]["UnmappedPayloadError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the body is over 1 MB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "heartbeats-ping-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The heartbeat's token (iohb_...)
                 * @example iohb_4f9a2c7e1b8d3a6f0c5e9b2d7a4f1c8e
                 */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pinged: the heartbeat is healthy until dueAt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                        /** @constant */
                        status: "healthy";
                        /**
                         * Format: date-time
                         * @description The next ping is due by then
                         */
                        dueAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "heartbeats-ping": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The heartbeat's token (iohb_...)
                 * @example iohb_4f9a2c7e1b8d3a6f0c5e9b2d7a4f1c8e
                 */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Pinged: the heartbeat is healthy until dueAt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                        /** @constant */
                        status: "healthy";
                        /**
                         * Format: date-time
                         * @description The next ping is due by then
                         */
                        dueAt: string;
                    };
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description RATE_LIMITED: too many requests from this address to the auth routes (see Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The feed's token (iocal_...)
                 * @example iocal_Xk2mQ8vR4tW1zY7bN3cJ5dF9gH0jK2lP4qS6uV8wY0a
                 */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description VALIDATION_FAILED: the input is invalid (details.fields says where) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationFailedError"];
                };
            };
            /** @description NOT_FOUND: no such resource in the caller's organisation */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description INTERNAL_ERROR: a bug on our side */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InternalErrorError"];
                };
            };
            /** @description SERVICE_UNAVAILABLE: the database is unavailable (see Retry-After) */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceUnavailableError"];
                };
            };
        };
    };
    "health-live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    "health-ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready for traffic */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ready"];
                };
            };
            /** @description Not ready: the database is unreachable, a migration is pending or the replica is shutting down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotReady"];
                };
            };
        };
    };
    "meta-openapi": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        info: {
                            title: string;
                            version: string;
                        } & {
                            [key: string]: unknown;
                        };
                        paths: {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
}

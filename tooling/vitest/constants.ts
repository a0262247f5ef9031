/** The test cluster's password for the application role (roles are cluster-wide). */
export const TEST_APP_DB_PASSWORD = "incidentops-test-app-role-password";

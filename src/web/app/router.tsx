import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { NotFoundPage } from '../components/StatusPage';
import { Layout } from './layout';
import { RequirePermission } from './require-permission';
import { RouteError } from './route-error';

/** Pages load on demand: each becomes its own chunk. */
const routes: RouteObject[] = [
  {
    element: <Layout />,
    HydrateFallback: LoadingState,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          {
            index: true,
            lazy: () => import('./routes/programme-route').then((m) => ({ Component: m.ProgrammeRoute })),
          },
          {
            path: 'outcomes',
            lazy: () =>
              import('../features/outcome-table/pages/OutcomeTablePage').then((m) => ({
                Component: m.OutcomeTablePage,
              })),
          },
          {
            path: 'analytics',
            lazy: () =>
              import('../features/analytics/pages/AnalyticsPage').then((m) => ({
                Component: m.AnalyticsPage,
              })),
          },
          {
            path: 'open-data',
            lazy: () =>
              import('../features/portal/pages/OpenDataPage').then((m) => ({
                Component: m.OpenDataPage,
              })),
          },
          {
            path: 'clusters',
            lazy: () =>
              import('../features/clusters/pages/ClusterListPage').then((m) => ({
                Component: m.ClusterListPage,
              })),
          },
          {
            path: 'clusters/:key',
            lazy: () =>
              import('./routes/cluster-detail-route').then((m) => ({ Component: m.ClusterDetailRoute })),
          },
          {
            path: 'budgets',
            lazy: () =>
              import('../features/budgets/pages/BudgetsPage').then((m) => ({ Component: m.BudgetsPage })),
          },
          {
            path: 'industrial-cluster',
            lazy: () =>
              import('../features/industrial-cluster/pages/ProjectsPage').then((m) => ({
                Component: m.ProjectsPage,
              })),
          },
          {
            path: 'industrial-cluster/projects/:key',
            lazy: () =>
              import('../features/industrial-cluster/pages/ProjectPage').then((m) => ({
                Component: m.ProjectPage,
              })),
          },
          {
            path: 'industrial-cluster/committees/:id',
            lazy: () =>
              import('../features/industrial-cluster/pages/CommitteePage').then((m) => ({
                Component: m.CommitteePage,
              })),
          },
          {
            path: 'events',
            lazy: () =>
              import('../features/industrial-cluster/pages/EventsPage').then((m) => ({
                Component: m.EventsPage,
              })),
          },
          {
            path: 'events/:id',
            lazy: () =>
              import('../features/industrial-cluster/pages/EventPage').then((m) => ({
                Component: m.EventPage,
              })),
          },
          {
            element: <RequirePermission permission="duplication:read" />,
            children: [
              {
                path: 'funding/duplicates',
                lazy: () =>
                  import('../features/funding-duplication/pages/DuplicatesPage').then((m) => ({
                    Component: m.DuplicatesPage,
                  })),
              },
              {
                path: 'funding/projects',
                lazy: () =>
                  import('../features/funding-duplication/pages/FundedProjectsPage').then((m) => ({
                    Component: m.FundedProjectsPage,
                  })),
              },
            ],
          },
          {
            path: 'selection',
            lazy: () =>
              import('../features/selection-results/pages/PublicSelectionPage').then((m) => ({
                Component: m.PublicSelectionPage,
              })),
          },
          {
            path: 'selection/:key',
            lazy: () =>
              import('../features/selection-results/pages/PublicSelectionCallPage').then((m) => ({
                Component: m.PublicSelectionCallPage,
              })),
          },
          {
            path: 'evaluations',
            lazy: () =>
              import('../features/evaluation-results/pages/PublicEvaluationsPage').then((m) => ({
                Component: m.PublicEvaluationsPage,
              })),
          },
          {
            path: 'evaluations/:key',
            lazy: () =>
              import('../features/evaluation-results/pages/PublicRoundResultsPage').then((m) => ({
                Component: m.PublicRoundResultsPage,
              })),
          },
          {
            path: 'seeds',
            lazy: () =>
              import('../features/seeds-needs/pages/SeedsPage').then((m) => ({ Component: m.SeedsPage })),
          },
          {
            path: 'seeds/:id',
            lazy: () =>
              import('../features/seeds-needs/pages/SeedDetailPage').then((m) => ({
                Component: m.SeedDetailPage,
              })),
          },
          {
            path: 'needs',
            lazy: () =>
              import('../features/seeds-needs/pages/NeedsPage').then((m) => ({ Component: m.NeedsPage })),
          },
          {
            path: 'needs/:id',
            lazy: () =>
              import('../features/seeds-needs/pages/NeedDetailPage').then((m) => ({
                Component: m.NeedDetailPage,
              })),
          },
          {
            // Coordinators see every match; headquarters and companies the matches of their seeds and needs.
            element: <RequirePermission />,
            children: [
              {
                path: 'matches',
                lazy: () =>
                  import('../features/matching-pipeline/pages/MatchBoardPage').then((m) => ({
                    Component: m.MatchBoardPage,
                  })),
              },
              {
                path: 'matches/:id',
                lazy: () =>
                  import('../features/matching-pipeline/pages/MatchPage').then((m) => ({
                    Component: m.MatchPage,
                  })),
              },
            ],
          },
          {
            element: <RequirePermission permission="matching:coordinate" />,
            children: [
              {
                path: 'matches/coordinators',
                lazy: () =>
                  import('../features/matching-pipeline/pages/CoordinatorSummaryPage').then((m) => ({
                    Component: m.CoordinatorSummaryPage,
                  })),
              },
            ],
          },
          {
            // Officers, headquarters and both groups: each page shows what the reader's role allows.
            element: <RequirePermission />,
            children: [
              {
                path: 'rounds',
                lazy: () =>
                  import('../features/evaluation-rounds/pages/RoundsPage').then((m) => ({
                    Component: m.RoundsPage,
                  })),
              },
              {
                path: 'rounds/:key',
                lazy: () =>
                  import('../features/evaluation-rounds/pages/RoundOverviewPage').then((m) => ({
                    Component: m.RoundOverviewPage,
                  })),
              },
              {
                path: 'rounds/:key/members',
                lazy: () =>
                  import('../features/evaluation-rounds/pages/RoundMembersPage').then((m) => ({
                    Component: m.RoundMembersPage,
                  })),
              },
              {
                path: 'rounds/:key/self-evaluations',
                lazy: () =>
                  import('../features/evaluation-self/pages/SelfEvaluationsPage').then((m) => ({
                    Component: m.SelfEvaluationsPage,
                  })),
              },
              {
                path: 'rounds/:key/self-evaluations/:clusterKey',
                lazy: () =>
                  import('../features/evaluation-self/pages/SelfEvaluationPage').then((m) => ({
                    Component: m.SelfEvaluationPage,
                  })),
              },
              {
                path: 'rounds/:key/interviews',
                lazy: () =>
                  import('../features/evaluation-self/pages/InterviewsPage').then((m) => ({
                    Component: m.InterviewsPage,
                  })),
              },
              {
                path: 'rounds/:key/weights',
                lazy: () =>
                  import('../features/evaluation-grading/pages/WeightsPage').then((m) => ({
                    Component: m.WeightsPage,
                  })),
              },
              {
                path: 'rounds/:key/grading',
                lazy: () =>
                  import('../features/evaluation-grading/pages/GradingPage').then((m) => ({
                    Component: m.GradingPage,
                  })),
              },
              {
                path: 'rounds/:key/grading/:clusterKey',
                lazy: () =>
                  import('../features/evaluation-grading/pages/GradingFormPage').then((m) => ({
                    Component: m.GradingFormPage,
                  })),
              },
              {
                path: 'rounds/:key/scores',
                lazy: () =>
                  import('../features/evaluation-results/pages/RoundScoresPage').then((m) => ({
                    Component: m.RoundScoresPage,
                  })),
              },
              {
                path: 'rounds/:key/findings',
                lazy: () =>
                  import('../features/evaluation-followup/pages/FindingsPage').then((m) => ({
                    Component: m.FindingsPage,
                  })),
              },
              {
                path: 'rounds/:key/allocation',
                lazy: () =>
                  import('../features/evaluation-followup/pages/AllocationPage').then((m) => ({
                    Component: m.AllocationPage,
                  })),
              },
            ],
          },
          {
            element: <RequirePermission permission="call:read-unpublished" />,
            children: [
              {
                path: 'calls/:key/results',
                lazy: () =>
                  import('../features/selection-results/pages/CallResultsPage').then((m) => ({
                    Component: m.CallResultsPage,
                  })),
              },
            ],
          },
          {
            element: <RequirePermission permission="call:manage" />,
            children: [
              {
                path: 'calls',
                lazy: () =>
                  import('../features/selection-calls/pages/CallsPage').then((m) => ({
                    Component: m.CallsPage,
                  })),
              },
              {
                path: 'calls/:key',
                lazy: () =>
                  import('../features/selection-calls/pages/CallOverviewPage').then((m) => ({
                    Component: m.CallOverviewPage,
                  })),
              },
              {
                path: 'calls/:key/proposals',
                lazy: () =>
                  import('../features/selection-calls/pages/CallProposalsPage').then((m) => ({
                    Component: m.CallProposalsPage,
                  })),
              },
              {
                path: 'calls/:key/review',
                lazy: () =>
                  import('../features/selection-review/pages/CallReviewPage').then((m) => ({
                    Component: m.CallReviewPage,
                  })),
              },
              {
                path: 'calls/:key/conflicts',
                lazy: () =>
                  import('../features/selection-review/pages/CallConflictsPage').then((m) => ({
                    Component: m.CallConflictsPage,
                  })),
              },
            ],
          },
          {
            // Officers open a proposal from their call's table; proposers edit their own.
            element: <RequirePermission />,
            children: [
              {
                path: 'proposals/:id',
                lazy: () =>
                  import('../features/selection-proposals/pages/ProposalEditorPage').then((m) => ({
                    Component: m.ProposalEditorPage,
                  })),
              },
            ],
          },
          {
            element: <RequirePermission permission="proposal:edit" />,
            children: [
              {
                path: 'proposals',
                lazy: () =>
                  import('../features/selection-proposals/pages/ProposalsPage').then((m) => ({
                    Component: m.ProposalsPage,
                  })),
              },
              {
                path: 'proposals/:id/result',
                lazy: () =>
                  import('./routes/proposal-result-route').then((m) => ({
                    Component: m.ProposalResultRoute,
                  })),
              },
            ],
          },
          {
            element: <RequirePermission permission="review:submit" />,
            children: [
              {
                path: 'reviews',
                lazy: () =>
                  import('../features/selection-review/pages/MyReviewsPage').then((m) => ({
                    Component: m.MyReviewsPage,
                  })),
              },
              {
                path: 'reviews/:assignmentId',
                lazy: () =>
                  import('../features/selection-review/pages/ReviewAssignmentPage').then((m) => ({
                    Component: m.ReviewAssignmentPage,
                  })),
              },
            ],
          },
          {
            path: 'sign-in',
            lazy: () =>
              import('../features/auth/pages/SignInPage').then((m) => ({ Component: m.SignInPage })),
          },
          {
            element: <RequirePermission />,
            children: [
              {
                path: 'clusters/:key/edit',
                lazy: () =>
                  import('./routes/cluster-edit-route').then((m) => ({ Component: m.ClusterEditRoute })),
              },
              {
                path: 'account/password',
                lazy: () =>
                  import('../features/auth/pages/ChangePasswordPage').then((m) => ({
                    Component: m.ChangePasswordPage,
                  })),
              },
            ],
          },
          {
            element: <RequirePermission permission="cluster:create" />,
            children: [
              {
                path: 'clusters/new',
                lazy: () =>
                  import('./routes/cluster-create-route').then((m) => ({ Component: m.ClusterCreateRoute })),
              },
            ],
          },
          {
            element: <RequirePermission permission="organization:create" />,
            children: [
              {
                path: 'organizations',
                lazy: () =>
                  import('../features/organizations/pages/OrganizationsPage').then((m) => ({
                    Component: m.OrganizationsPage,
                  })),
              },
            ],
          },
          {
            element: <RequirePermission permission="person:create" />,
            children: [
              {
                path: 'people',
                lazy: () =>
                  import('../features/organizations/pages/PeoplePage').then((m) => ({
                    Component: m.PeoplePage,
                  })),
              },
            ],
          },
          {
            element: <RequirePermission permission="account:manage" />,
            children: [
              {
                path: 'admin/users',
                lazy: () =>
                  import('../features/admin-users/pages/AdminUsersPage').then((m) => ({
                    Component: m.AdminUsersPage,
                  })),
              },
            ],
          },
          {
            element: <RequirePermission permission="audit:read" />,
            children: [
              {
                path: 'admin/audit',
                lazy: () =>
                  import('../features/audit/pages/AuditPage').then((m) => ({ Component: m.AuditPage })),
              },
            ],
          },
          {
            element: <RequirePermission permission="outcome-report:read-drafts" />,
            children: [
              {
                path: 'reports',
                lazy: () =>
                  import('../features/reporting/pages/ReportsPage').then((m) => ({
                    Component: m.ReportsPage,
                  })),
              },
              {
                path: 'reports/:id',
                lazy: () =>
                  import('../features/reporting/pages/ReportEditorPage').then((m) => ({
                    Component: m.ReportEditorPage,
                  })),
              },
            ],
          },
          {
            element: <RequirePermission permission="import:run" />,
            children: [
              {
                path: 'imports',
                lazy: () =>
                  import('../features/imports/pages/ImportsPage').then((m) => ({ Component: m.ImportsPage })),
              },
              {
                path: 'imports/:id',
                lazy: () =>
                  import('../features/imports/pages/ImportJobPage').then((m) => ({
                    Component: m.ImportJobPage,
                  })),
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
}

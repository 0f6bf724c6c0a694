/** The new-cluster page, given the organizations feature's "register new organization" button. */
import { ClusterCreatePage } from '../../features/clusters/pages/ClusterCreatePage';
import { CreateOrganizationButton } from '../../features/organizations/components/CreateButtons';

export function ClusterCreateRoute() {
  return <ClusterCreatePage OrganizationCreator={CreateOrganizationButton} />;
}

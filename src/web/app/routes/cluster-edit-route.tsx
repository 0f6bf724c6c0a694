/** The cluster edit page, given the organizations feature's "register new" buttons. */
import { ClusterEditPage } from '../../features/clusters/pages/ClusterEditPage';
import {
  CreateOrganizationButton,
  CreatePersonButton,
} from '../../features/organizations/components/CreateButtons';

export function ClusterEditRoute() {
  return (
    <ClusterEditPage OrganizationCreator={CreateOrganizationButton} PersonCreator={CreatePersonButton} />
  );
}

import './styles-all';
import { Notifications } from '@mantine/notifications';

/** The notifications' corner, loaded with the first notification (see overlays.tsx). */
export default function NotificationsHost() {
  return <Notifications position="bottom-right" limit={4} />;
}

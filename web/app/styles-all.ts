// Every Mantine style the app uses, loaded after the first page (see styles-first.ts). Loading
// all of core's styles again after the first ones keeps Mantine's order: the last copy of each
// rule is the one in styles.css.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';

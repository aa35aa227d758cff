import { type Kysely, sql } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/** Tickets, their conversation and history, categories, custom fields, views and search. */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);

  await db.schema
    .alterTable('customers')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('customers').addColumn('merged_into_id', 'integer').execute();
  await db.schema
    .alterTable('organizations')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('users').addColumn('customer_id', 'integer').execute();
  await db.schema.createIndex('users_customer_idx').on('users').column('customer_id').execute();

  // Every address a customer writes from; merging moves them, so mail from either finds one customer.
  await db.schema
    .createTable('customer_emails')
    .addColumn('email', 'varchar(254)', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('customer_emails_customer_idx')
    .on('customer_emails')
    .column('customer_id')
    .execute();
  await sql`insert into customer_emails (email, customer_id) select email, id from customers where email is not null`.execute(
    db,
  );

  await withId(db.schema.createTable('customer_notes'), dialect)
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customer_notes_customer_idx')
    .on('customer_notes')
    .columns(['customer_id', 'id'])
    .execute();

  await withId(db.schema.createTable('categories'), dialect)
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('categories.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('custom_fields'), dialect)
    .addColumn('key', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('label', 'varchar(80)', (c) => c.notNull())
    .addColumn('type', 'varchar(16)', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('ticket_types', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('tickets'), dialect)
    .addColumn('subject', 'varchar(250)', (c) => c.notNull())
    .addColumn('requester_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('type', 'varchar(16)', (c) => c.notNull())
    .addColumn('priority', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('team_id', 'integer', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('due_at', t.timestamp)
    .addColumn('escalated_at', t.timestamp)
    .addColumn('escalation_reason', 'varchar(500)')
    .addColumn('escalated_to_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('first_reply_at', t.timestamp)
    .addColumn('solved_at', t.timestamp)
    .addColumn('closed_at', t.timestamp)
    .addColumn('last_message_at', t.timestamp)
    .addColumn('merged_into_id', 'integer')
    .addColumn('follow_up_of_id', 'integer')
    .addColumn('message_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  for (const [name, columns] of [
    ['tickets_status_updated_idx', ['status', 'updated_at', 'id']],
    ['tickets_assignee_idx', ['assignee_id', 'status', 'updated_at', 'id']],
    ['tickets_team_idx', ['team_id', 'status', 'updated_at', 'id']],
    ['tickets_requester_idx', ['requester_id', 'created_at']],
    ['tickets_org_idx', ['organization_id', 'created_at']],
    ['tickets_updated_idx', ['updated_at', 'id']],
    ['tickets_escalated_idx', ['escalated_at']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('tickets')
      .columns([...columns])
      .execute();
  }

  await db.schema
    .createTable('ticket_tags')
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('tag', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_tags_pk', ['tag', 'ticket_id'])
    .execute();
  await db.schema.createIndex('ticket_tags_ticket_idx').on('ticket_tags').column('ticket_id').execute();

  await withId(db.schema.createTable('messages'), dialect)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_customer_id', 'integer', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('meta', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('messages_ticket_idx').on('messages').columns(['ticket_id', 'id']).execute();

  await withId(db.schema.createTable('attachments'), dialect)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('message_id', 'integer', (c) => c.references('messages.id').onDelete('cascade'))
    .addColumn('filename', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(120)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('storage_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'integer')
    .addColumn('uploaded_by_customer_id', 'integer')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_ticket_idx')
    .on('attachments')
    .columns(['ticket_id', 'message_id'])
    .execute();

  await withId(db.schema.createTable('ticket_events'), dialect)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('from_value', 'text')
    .addColumn('to_value', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ticket_events_ticket_idx')
    .on('ticket_events')
    .columns(['ticket_id', 'id'])
    .execute();
  await db.schema
    .createIndex('ticket_events_type_idx')
    .on('ticket_events')
    .columns(['type', 'created_at'])
    .execute();

  await withId(db.schema.createTable('views'), dialect)
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('filters', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('sort', 'varchar(40)', (c) => c.notNull().defaultTo('updated_at:desc'))
    .addColumn('columns', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('notifications'), dialect)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('cascade'))
    .addColumn('message_id', 'integer')
    .addColumn('actor_name', 'varchar(160)', (c) => c.notNull())
    .addColumn('read_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'id'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'varchar(80)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  // Full-text search: one document per ticket (subject, messages, requester), kept by the search module.
  await dialect.choose({
    async sqlite() {
      await sql`create virtual table ticket_search using fts5(subject, body, customer, tokenize = 'unicode61 remove_diacritics 2')`.execute(
        db,
      );
    },
    async postgres() {
      await db.schema
        .createTable('ticket_search')
        .addColumn('rowid', 'integer', (c) => c.primaryKey().references('tickets.id').onDelete('cascade'))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('customer', 'text', (c) => c.notNull())
        .addColumn('document', sql`tsvector`, (c) => c.notNull())
        .execute();
      await sql`create index ticket_search_document_idx on ticket_search using gin (document)`.execute(db);
    },
  })();
}

async function down(db: Kysely<unknown>) {
  for (const table of [
    'ticket_search',
    'settings',
    'notifications',
    'views',
    'ticket_events',
    'attachments',
    'messages',
    'ticket_tags',
    'tickets',
    'custom_fields',
    'categories',
    'customer_notes',
    'customer_emails',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

export const migration0003: Migration = { name: '0003_tickets', up, down };

import { MultiSelect, PasswordInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { Role } from '../../../contracts/common';
import { passwordTooShort } from '../../../contracts/passwords';
import type { User } from '../../../contracts/users';
import { assignableRoles, roleLabels } from '../../app/access';
import { looksLikeEmail } from '../../app/forms';
import { useMe } from '../../app/session';
import { TimezoneSelect } from '../../components/TimezoneSelect';
import { useTeamOptions } from '../teams/teams.queries';

export interface UserFormValues {
  name: string;
  email: string;
  role: Role;
  password: string;
  timezone: string;
  skills: string[];
  languages: string[];
  teamIds: string[];
}

export function userFormValues(user: User): UserFormValues {
  return {
    name: user.name,
    email: user.email,
    role: user.role,
    password: '',
    timezone: user.timezone,
    skills: user.skills,
    languages: user.languages,
    teamIds: user.teams.map((t) => String(t.id)),
  };
}

export const userFormValidation = {
  name: (value: string) => (value.trim() ? null : 'Enter a name'),
  email: (value: string) => (looksLikeEmail(value) ? null : 'Enter a valid email address'),
  password: (value: string) => (value === '' ? null : passwordTooShort(value)),
};

function isRole(value: string | null): value is Role {
  return value === 'admin' || value === 'manager' || value === 'agent' || value === 'customer';
}

interface UserFormFieldsProps {
  form: UseFormReturnType<UserFormValues>;
  /** Show the optional password field (creating a user). */
  withPassword?: boolean;
  disabled?: boolean;
}

/** The fields of a user, shared by the create modal and the detail page. */
export function UserFormFields({ form, withPassword = false, disabled = false }: UserFormFieldsProps) {
  const me = useMe();
  const teams = useTeamOptions();
  const currentRole = form.getValues().role;
  const roles = assignableRoles(me.role);
  const roleOptions = (roles.includes(currentRole) ? roles : [currentRole, ...roles]).map((role) => ({
    value: role,
    label: roleLabels[role],
    disabled: !roles.includes(role),
  }));
  const roleProps = form.getInputProps('role');

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Name"
          required
          autoComplete="off"
          disabled={disabled}
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <TextInput
          label="Email"
          type="email"
          required
          autoComplete="off"
          disabled={disabled}
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
        <Select
          label="Role"
          required
          allowDeselect={false}
          data={roleOptions}
          disabled={disabled}
          description={
            me.role === 'manager' && !disabled ? 'Managers can add agents and customers' : undefined
          }
          key={form.key('role')}
          {...roleProps}
          onChange={(value) => {
            if (isRole(value)) form.setFieldValue('role', value);
          }}
        />
        <TimezoneSelect disabled={disabled} key={form.key('timezone')} {...form.getInputProps('timezone')} />
      </SimpleGrid>
      {withPassword && (
        <PasswordInput
          label="Password"
          description="Optional, at least 10 characters. Without one, the person can't sign in until an admin sets it."
          autoComplete="new-password"
          disabled={disabled}
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TagsInput
          label="Skills"
          description="Press Enter after each skill"
          placeholder="e.g. billing"
          clearable
          disabled={disabled}
          key={form.key('skills')}
          {...form.getInputProps('skills')}
        />
        <TagsInput
          label="Languages"
          description="Press Enter after each language"
          placeholder="e.g. en, de"
          clearable
          disabled={disabled}
          key={form.key('languages')}
          {...form.getInputProps('languages')}
        />
      </SimpleGrid>
      <MultiSelect
        label="Teams"
        placeholder={teams.data && teams.data.length === 0 ? 'No teams yet' : 'Pick teams'}
        data={teams.data ?? []}
        searchable
        clearable
        nothingFoundMessage="No team by that name"
        disabled={disabled || teams.isError}
        error={teams.isError ? 'Teams could not be loaded' : undefined}
        key={form.key('teamIds')}
        {...form.getInputProps('teamIds')}
      />
    </Stack>
  );
}

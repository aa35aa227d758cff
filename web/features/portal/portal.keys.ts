/** The portal's query keys: what the pages read and what the live channel refreshes. */
export const portalKeys = {
  all: ['portal'] as const,
  requests: ['portal', 'requests'] as const,
  request: (id: number) => ['portal', 'requests', id] as const,
  preferences: ['portal', 'preferences'] as const,
};

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { TestimonialsQuery } from '../../../contracts/testimonials';
import { api, type BodyOf } from '../../app/api';

export const testimonialKeys = {
  all: ['testimonials'] as const,
  list: (query: TestimonialsQuery) => ['testimonials', 'list', query] as const,
  settings: ['testimonials', 'settings'] as const,
  public: (token: string) => ['testimonial-link', token] as const,
};

export function useTestimonials(query: TestimonialsQuery) {
  return useQuery({
    queryKey: testimonialKeys.list(query),
    queryFn: ({ signal }) => api.call(routes.testimonials.list, { query, signal }),
    select: (result) => result.data,
  });
}

export function useSetPublished() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, published }: { id: number; published: boolean }) =>
      api.call(routes.testimonials.update, { params: { id }, body: { published } }),
    onSuccess: () => client.invalidateQueries({ queryKey: testimonialKeys.all }),
  });
}

export function useTestimonialSettings() {
  return useQuery({
    queryKey: testimonialKeys.settings,
    queryFn: ({ signal }) => api.call(routes.testimonials.settings, { signal }),
  });
}

export function useUpdateTestimonialSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.testimonials.updateSettings>) =>
      api.call(routes.testimonials.updateSettings, { body }),
    onSuccess: (settings) => client.setQueryData(testimonialKeys.settings, settings),
  });
}

/** The quote and consent wording a request link opens (public: no sign-in). Reading it records nothing. */
export function usePublicTestimonial(token: string) {
  return useQuery({
    queryKey: testimonialKeys.public(token),
    queryFn: ({ signal }) => api.call(routes.testimonials.publicView, { params: { token }, signal }),
    retry: false,
  });
}

export function useDecideTestimonial(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.testimonials.publicDecide>) =>
      api.call(routes.testimonials.publicDecide, { params: { token }, body }),
    onSuccess: (view) => client.setQueryData(testimonialKeys.public(token), view),
  });
}

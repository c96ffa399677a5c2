import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import type { MapLayers, MapSettings } from '../../../../contracts/kpis';

export type MapLayersDto = z.infer<typeof MapLayers>;
export type MapSettingsDto = z.infer<typeof MapSettings>;

/** The base map setting (a tile URL, or none: offline). */
export function useMapSettings() {
  return useQuery({
    queryKey: ['map', 'settings'],
    queryFn: ({ signal }) => api.get<MapSettingsDto>('/api/v1/map/settings', undefined, signal),
    staleTime: Infinity,
  });
}

export function useMapLayers(params: { district?: string; street?: string }) {
  return useQuery({
    queryKey: ['map', 'layers', params],
    queryFn: ({ signal }) => api.get<MapLayersDto>('/api/v1/kpis/map', { ...params }, signal),
  });
}

import { createContext, useContext } from 'react';
import type { PharmacyTime } from './pharmacy-time.js';

/** The signed-in pharmacy's zone and opening hours, from the dashboard's viewer query. */
export const PharmacyTimeContext = createContext<PharmacyTime>({ businessHours: [] });
export const usePharmacyTime = () => useContext(PharmacyTimeContext);

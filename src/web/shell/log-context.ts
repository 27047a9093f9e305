import { createContext, useContext } from 'react';

/** Opens the quick "log an interaction" dialog, optionally with a person already chosen. */
export const LogContext = createContext<(personId?: number) => void>(() => {});
export const useOpenLog = () => useContext(LogContext);

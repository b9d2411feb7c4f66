import { render } from 'preact';
import { App } from './App';
import { loadSession } from './session';
import { loadVocabulary } from './vocabulary';
import './styles.css';

void loadSession();
void loadVocabulary();
render(<App />, document.getElementById('app')!);

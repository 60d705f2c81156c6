import { render } from 'preact';
import { SidePanel } from './SidePanel';
import './style.css';

render(<SidePanel />, document.getElementById('app')!);

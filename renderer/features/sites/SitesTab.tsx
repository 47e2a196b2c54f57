/** The Sites tab: the tree with its toolbar on the left, the selected site's form on the right. */
import { useState } from 'react';
import { useSites } from '../../stores/sitesStore';
import { SiteForm } from './SiteForm';
import { SiteTree } from './SiteTree';
import { SiteTreeToolbar, type ToolbarStep } from './SiteTreeToolbar';
import { UnlockForm } from './UnlockForm';

/** Tree and form side by side. */
export function SitesTab() {
  const [step, setStep] = useState<ToolbarStep>(null);
  const isLocked = useSites((s) => s.status?.isLocked === true);
  return (
    <div className="sm-sites">
      <div className="sm-left">
        {isLocked ? <UnlockForm compact /> : null}
        <SiteTreeToolbar step={step} onStep={setStep} />
        <SiteTree onRename={() => setStep('rename')} onDelete={() => setStep('delete')} />
      </div>
      <SiteForm />
    </div>
  );
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { offlineLink, rewriteMarkdownLinks } from '../../../client/src/docLinks';
import { sanitizeHtml } from '../../../client/src/sanitizeHtml';
import { conceptUrl } from '../../../server/src/core/docs/concepts';
import { docsUrlFor } from '../../../server/src/core/rules/defineRule';

describe('offline doc links (client)', () => {
  it('turns published rule and concept addresses into Berth commands', () => {
    assert.equal(offlineLink(docsUrlFor('ecs/fargate-valid-cpu-memory')), 'command:berth.showRuleDoc?%5B%22ecs%2Ffargate-valid-cpu-memory%22%5D');
    assert.equal(offlineLink(conceptUrl('network-modes')), 'command:berth.showConcept?%5B%22network-modes%22%5D');
    assert.equal(offlineLink('https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html'), undefined);
  });

  it('rewrites only Berth links in markdown', () => {
    const md = `[Read more](${conceptUrl('lambda')}) · [AWS docs](https://docs.aws.amazon.com/lambda/)`;
    assert.equal(rewriteMarkdownLinks(md), '[Read more](command:berth.showConcept?%5B%22lambda%22%5D) · [AWS docs](https://docs.aws.amazon.com/lambda/)');
  });
});

describe('sanitizeHtml (docs webview)', () => {
  it('keeps structure, drops attributes, scripts, handlers and unsafe links', () => {
    const html =
      '<h1 id="x" data-line="0" class="code-line">Title</h1><p onclick="alert(1)">Text <a href="https://aws.amazon.com" title="t">aws</a> ' +
      '<a href="javascript:alert(1)">bad</a> <a href="command:workbench.action.terminal.new">cmd</a> ' +
      '<a href="command:berth.showConcept?%5B%22lambda%22%5D">ok</a></p><script>alert(1)</script><img src=x onerror=alert(1)>' +
      '<iframe src="https://evil.example"></iframe><pre><code class="language-json">{"a": 1}</code></pre>';
    assert.equal(
      sanitizeHtml(html),
      '<h1>Title</h1><p>Text <a href="https://aws.amazon.com">aws</a> <a>bad</a> <a>cmd</a> <a href="command:berth.showConcept?%5B%22lambda%22%5D">ok</a></p><pre><code>{"a": 1}</code></pre>',
    );
  });

  it('nested or broken tags cannot smuggle one in', () => {
    assert.equal(sanitizeHtml('<p>a <scr<script>ipt>x</p>'), '<p>a ipt>x</p>');
    assert.equal(sanitizeHtml('<p>1 < 2 <b</p>'), '<p>1 &lt; 2 ');
  });
});

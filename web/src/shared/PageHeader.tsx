import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

interface Props {
  title: ReactNode;
  extra?: ReactNode;
  testId?: string;
  children?: ReactNode;
}

export function PageHeader({ title, extra, testId, children }: Props) {
  return (
    <div className="page-header">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid={testId}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children}
    </div>
  );
}
